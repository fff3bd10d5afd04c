using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Each database provider has a subclass that owns its migration set
/// (<see cref="SqliteAppDbContext"/>, <see cref="SqlServerAppDbContext"/>); code depends on this type only.
/// Entity types are found through their <see cref="IEntityTypeConfiguration{TEntity}"/> classes
/// (<c>ApplyConfigurationsFromAssembly</c>); a new area declares its sets in its own configuration file under
/// Configurations/ as a <c>partial</c> of this class (see <c>DuesConfiguration.cs</c>) and does not edit this file.
/// </summary>
public abstract partial class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OrganizationUnit> Units => Set<OrganizationUnit>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<SubscriptionQuota> SubscriptionQuotas => Set<SubscriptionQuota>();

    public DbSet<SmartBranch.Domain.Common.AuditEntry> AuditLog => Set<SmartBranch.Domain.Common.AuditEntry>();

    public DbSet<SmartBranch.Domain.Notices.Notice> Notices => Set<SmartBranch.Domain.Notices.Notice>();

    public DbSet<SmartBranch.Domain.Notices.NoticeRecipient> NoticeRecipients => Set<SmartBranch.Domain.Notices.NoticeRecipient>();

    public DbSet<SmartBranch.Domain.Notices.NoticeRevision> NoticeRevisions => Set<SmartBranch.Domain.Notices.NoticeRevision>();

    public DbSet<SmartBranch.Domain.Activities.Activity> Activities => Set<SmartBranch.Domain.Activities.Activity>();

    public DbSet<SmartBranch.Domain.Activities.Enrollment> Enrollments => Set<SmartBranch.Domain.Activities.Enrollment>();
    public DbSet<SmartBranch.Domain.Meetings.Meeting> Meetings => Set<SmartBranch.Domain.Meetings.Meeting>();

    public DbSet<SmartBranch.Domain.Meetings.MeetingAttendee> MeetingAttendees => Set<SmartBranch.Domain.Meetings.MeetingAttendee>();

    public DbSet<SmartBranch.Domain.Meetings.LeaveRequest> LeaveRequests => Set<SmartBranch.Domain.Meetings.LeaveRequest>();

    public DbSet<SmartBranch.Domain.Meetings.Resolution> Resolutions => Set<SmartBranch.Domain.Meetings.Resolution>();

    public DbSet<SmartBranch.Domain.Meetings.Minutes> Minutes => Set<SmartBranch.Domain.Meetings.Minutes>();

    public DbSet<SmartBranch.Domain.Meetings.MeetingCadence> MeetingCadences => Set<SmartBranch.Domain.Meetings.MeetingCadence>();

    public DbSet<SmartBranch.Domain.Calendar.CalendarFeed> CalendarFeeds => Set<SmartBranch.Domain.Calendar.CalendarFeed>();

    public DbSet<SmartBranch.Domain.Brand.BrandProfile> BrandProfiles => Set<SmartBranch.Domain.Brand.BrandProfile>();

    public DbSet<SmartBranch.Domain.Brand.MediaItem> Media => Set<SmartBranch.Domain.Brand.MediaItem>();

    public DbSet<SmartBranch.Domain.Brand.Story> Stories => Set<SmartBranch.Domain.Brand.Story>();

    public DbSet<SmartBranch.Domain.Brand.StoryLike> StoryLikes => Set<SmartBranch.Domain.Brand.StoryLike>();

    public DbSet<SmartBranch.Domain.Brand.StoryComment> StoryComments => Set<SmartBranch.Domain.Brand.StoryComment>();

    public DbSet<SmartBranch.Domain.Brand.StoryView> StoryViews => Set<SmartBranch.Domain.Brand.StoryView>();

    public DbSet<SmartBranch.Domain.Brand.Share> Shares => Set<SmartBranch.Domain.Brand.Share>();

    public DbSet<SmartBranch.Domain.Brand.ShareOpen> ShareOpens => Set<SmartBranch.Domain.Brand.ShareOpen>();

    public DbSet<SmartBranch.Domain.Brand.ScreenLink> ScreenLinks => Set<SmartBranch.Domain.Brand.ScreenLink>();

    public DbSet<MemberStatusEvent> MemberStatusEvents => Set<MemberStatusEvent>();

    public DbSet<Transfer> Transfers => Set<Transfer>();

    public DbSet<SmartBranch.Domain.Interaction.MailboxMessage> MailboxMessages => Set<SmartBranch.Domain.Interaction.MailboxMessage>();

    public DbSet<SmartBranch.Domain.Interaction.MailboxReply> MailboxReplies => Set<SmartBranch.Domain.Interaction.MailboxReply>();

    public DbSet<SmartBranch.Domain.Interaction.AppraisalRound> AppraisalRounds => Set<SmartBranch.Domain.Interaction.AppraisalRound>();

    public DbSet<SmartBranch.Domain.Interaction.AppraisedMember> AppraisedMembers => Set<SmartBranch.Domain.Interaction.AppraisedMember>();

    public DbSet<SmartBranch.Domain.Interaction.AppraisalVoter> AppraisalVoters => Set<SmartBranch.Domain.Interaction.AppraisalVoter>();

    public DbSet<SmartBranch.Domain.Interaction.Ballot> Ballots => Set<SmartBranch.Domain.Interaction.Ballot>();

    public DbSet<SmartBranch.Domain.Interaction.Poll> Polls => Set<SmartBranch.Domain.Interaction.Poll>();

    public DbSet<SmartBranch.Domain.Interaction.PollVote> PollVotes => Set<SmartBranch.Domain.Interaction.PollVote>();

    public DbSet<SmartBranch.Domain.Interaction.MessageWall> MessageWalls => Set<SmartBranch.Domain.Interaction.MessageWall>();

    public DbSet<SmartBranch.Domain.Interaction.WallMessage> WallMessages => Set<SmartBranch.Domain.Interaction.WallMessage>();

    public DbSet<SmartBranch.Domain.Study.StudyMedia> StudyMedia => Set<SmartBranch.Domain.Study.StudyMedia>();

    public DbSet<SmartBranch.Domain.Study.StudyMediaChunk> StudyMediaChunks => Set<SmartBranch.Domain.Study.StudyMediaChunk>();

    public DbSet<SmartBranch.Domain.Study.StudyMaterial> StudyMaterials => Set<SmartBranch.Domain.Study.StudyMaterial>();

    public DbSet<SmartBranch.Domain.Study.StudyProgress> StudyProgress => Set<SmartBranch.Domain.Study.StudyProgress>();

    public DbSet<SmartBranch.Domain.Study.StudyAssignment> StudyAssignments => Set<SmartBranch.Domain.Study.StudyAssignment>();

    public DbSet<SmartBranch.Domain.Study.StudyAssignee> StudyAssignees => Set<SmartBranch.Domain.Study.StudyAssignee>();

    public DbSet<SmartBranch.Domain.Development.DevelopmentRecord> DevelopmentRecords => Set<SmartBranch.Domain.Development.DevelopmentRecord>();

    public DbSet<SmartBranch.Domain.Development.DevelopmentStep> DevelopmentSteps => Set<SmartBranch.Domain.Development.DevelopmentStep>();

    public DbSet<SmartBranch.Domain.Development.DevelopmentRule> DevelopmentRules => Set<SmartBranch.Domain.Development.DevelopmentRule>();

    public DbSet<SmartBranch.Domain.Development.Publicity> Publicities => Set<SmartBranch.Domain.Development.Publicity>();

    public DbSet<SmartBranch.Domain.Development.PublicityObjection> PublicityObjections => Set<SmartBranch.Domain.Development.PublicityObjection>();

    public DbSet<SmartBranch.Domain.Development.DevelopmentAttachment> DevelopmentAttachments => Set<SmartBranch.Domain.Development.DevelopmentAttachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names so the database reads without the code.
        foreach (var enumType in typeof(Member).Assembly.GetTypes().Where(t => t.IsEnum))
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
        }
    }
}
