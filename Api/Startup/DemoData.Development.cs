using SmartBranch.Domain.Common;
using SmartBranch.Domain.Development;
using SmartBranch.Infrastructure.WeChat.Emulator;
using K = SmartBranch.Domain.Development.DevelopmentStepKind;

namespace SmartBranch.Api.Startup;

internal static partial class DemoData
{
    /// <summary>The emulator code (after <c>dev-</c>) bound to the demo person in development 陈思远.</summary>
    internal const string ApplicantCode = "applicant";

    /// <summary>
    /// People in development in 学生第一党支部, one or two at each stage, with steps dated back from today. Every step
    /// goes through <see cref="DevelopmentRecord.Record"/> with the timing rules' defaults (not the history mode of an
    /// import), so a date that broke a rule (talk within a month, a year as activist, training days, approval within
    /// three months) would stop the start-up. 陈思远 (an activist missing a quarter's thought report, the contacts' observation
    /// record overdue) is bound to <c>dev-applicant</c>; 吴婷 (S2003) is the probationary
    /// member the roster already holds.
    /// </summary>
    private static async Task SeedDevelopmentAsync(AppDbContext db, DemoOrg org, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = LocalCalendar.Today(now);
        var rules = DevelopmentRules.Default;
        var secretary = org.Id("S2001");

        // New rows for every step: a step's people belong to that step alone.
        IReadOnlyList<StepPerson> People(K kind) => kind switch
        {
            K.ApplicantTalk => [new(secretary, StepPersonRole.TalkPartner)],
            K.ContactsAssigned => [new(org.Id("S2002"), StepPersonRole.TrainingContact), new(org.Id("S2004"), StepPersonRole.TrainingContact)],
            K.IntroducersAssigned => [new(secretary, StepPersonRole.Introducer), new(org.Id("S2002"), StepPersonRole.Introducer)],
            _ => [],
        };

        DevelopmentRecord Person(string name, string number, int age, params (K Kind, int DaysAgo)[] steps)
        {
            var first = today.AddDays(-steps[0].DaysAgo);
            var record = new DevelopmentRecord(org.Student.Id, name, number, first.AddYears(-age), now);
            foreach (var (kind, daysAgo) in steps.OrderByDescending(s => s.DaysAgo))
            {
                var on = today.AddDays(-daysAgo);
                var details = kind == K.CandidateTraining ? new StepDetails(TrainingDays: 3) : StepDetails.None;

                // The publicity before admission ended the day before (DemoData seeds no publicity rows of its own).
                DateOnly? publicityEnded = kind is K.Admission ? on.AddDays(-1) : null;
                Require(record.Record(kind, on, today, rules, string.Empty, People(kind), details, secretary, now, publicityEnded).Error);
            }

            return record;
        }

        static (K, int)[] Reports(params int[] daysAgo) => daysAgo.Select(d => (K.ThoughtReport, d)).ToArray();

        var applicantOverdue = Person("刘子涵", "S3001", 19, (K.Application, 45));
        var applicantNew = Person("王小丽", "S3002", 18, (K.Application, 12));
        var activist = Person("陈思远", "S3003", 20,
            [(K.Application, 330), (K.ApplicantTalk, 320), (K.ActivistConfirmed, 270), (K.ActivistFiled, 268), (K.ContactsAssigned, 265), (K.ActivistObservation, 200),
            .. Reports(250)]);
        var candidate = Person("何雨桐", "S3004", 21,
            [(K.Application, 700), (K.ApplicantTalk, 690), (K.ActivistConfirmed, 600), (K.ActivistFiled, 598), (K.ContactsAssigned, 595), (K.ActivistObservation, 420),
            (K.ActivistObservation, 240), (K.CandidateConfirmed, 200), (K.CandidateFiled, 198), (K.IntroducersAssigned, 190), (K.PoliticalCheck, 120),
            (K.CandidateTraining, 90), .. Reports(580, 490, 400, 310, 220, 130, 40)]);
        var probationary = Person("吴婷", "S2003", 22,
            [(K.Application, 1000), (K.ApplicantTalk, 990), (K.ActivistConfirmed, 900), (K.ActivistFiled, 898), (K.ContactsAssigned, 895), (K.ActivistObservation, 700),
            (K.CandidateConfirmed, 500), (K.CandidateFiled, 498), (K.IntroducersAssigned, 490), (K.PoliticalCheck, 400), (K.CandidateTraining, 380),
            (K.CommitteeReview, 320), (K.UpperPreReview, 300), (K.ApplicationForm, 280), (K.Admission, 250), (K.UpperTalk, 230), (K.UpperApproval, 200),
            (K.AdmissionFiled, 195), (K.Placed, 190), (K.Oath, 185), (K.ProbationObservation, 100), .. Reports(880, 790, 700, 610, 520, 430, 340, 250, 160, 70)]);

        probationary.LinkMember(org.Id("S2003"));
        org.Members["S2003"].SetMembership(Domain.Organization.MembershipStatus.Probationary, today.AddDays(-250), null);
        Require(activist.BindTo(WeChatEmulator.OpenIdFor(ApplicantCode), now));
        db.DevelopmentRecords.AddRange(applicantOverdue, applicantNew, activist, candidate, probationary);
        await db.SaveChangesAsync(cancellationToken);
    }
}
