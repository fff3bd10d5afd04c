using SmartBranch.Api.Common.Idempotency;
using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;
namespace SmartBranch.Api.Features.Dues;

/// <summary>党费: dues by the rules, paid with WeChat Pay (JSAPI), reconciled and reported. See Api/Features/Dues/README.md.</summary>
public static class DuesModule
{
    public static IServiceCollection AddDues(this IServiceCollection services)
    {
        services.AddAreaRoutes(MapDuesEndpoints);
        services.AddOptions<DuesOptions>().BindConfiguration(DuesOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.Brackets.Count == 0 || Domain.Dues.DuesRates.Check(o.Brackets) is null, "Dues:Brackets must ascend and only the last may have no UpToFen.")
            .Validate(o => o.RetiredBrackets.Count == 0 || Domain.Dues.DuesRates.Check(o.RetiredBrackets) is null, "Dues:RetiredBrackets must ascend and only the last may have no UpToFen.")
            .Validate(o => o.FlagAfterMonths >= o.RemindAfterMonths, "Dues:FlagAfterMonths cannot be less than Dues:RemindAfterMonths.")
            .ValidateOnStart();
        services.AddScoped<DuesLedger>();
        services.AddScoped<DuesSettlement>();
        services.AddScoped<DuesJobs>();
        services.AddHostedService<DuesWorker>();
        // Dues reminders (subject id = member id) belong to the member's branch.
        services.AddSubjectOwner(SubjectTypes.Dues, (db, id) => db.Members.Where(m => m.Id == id).Select(m => (int?)m.BranchId));
        services.AddReminderKind(ReminderKind.Dues, "党费提醒", "EMU_DUES_REMINDER",
            ("thing1", KeywordSource.Subject), ("thing2", KeywordSource.Note), ("date3", KeywordSource.Date));
        return services;
    }

    /// <summary>
    /// /api/dues. A member reaches only their own dues (/me); branch routes answer 404 to anyone who may not see
    /// the branch and 403 to those who see it but do not manage it; the notification endpoint is anonymous and
    /// believes only what verifies with WeChat Pay's key.
    /// </summary>
    public static IEndpointRouteBuilder MapDuesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dues").WithTag("Dues", "党费: dues by the rules, paid with WeChat Pay (JSAPI), reconciled and reported.").RequireAuthorization(Policies.Member)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/me", GetMyDues.Handle)
            .WithName(nameof(GetMyDues))
            .WithSummary("What I owe and why: base, rate, monthly amount, unpaid months, arrears (queries my open orders first)");

        group.MapPost("/me/payments", CreateDuesPayment.Handle)
            .WithName(nameof(CreateDuesPayment))
            .WithSummary("Pay my unpaid months up to a month (one, a quarter, up to December): a JSAPI order and the signed wx.requestPayment parameters")
            .WithValidation<CreateDuesPayment.Request>()
            .WithIdempotency()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/me/payments", ListMyDuesPayments.Handle)
            .WithName(nameof(ListMyDuesPayments))
            .WithSummary("My payments with their months and receipt numbers, newest first");

        group.MapPut("/members/{memberId:int}/bases/{year:int}", SetDuesBase.Handle)
            .WithName(nameof(SetDuesBase))
            .WithSummary("Declare (member) or enter (committee) a year's base or category; unpaid bills of that year are re-priced")
            .WithValidation<SetDuesBase.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/members/{memberId:int}/bases/{year:int}/reduction", ApproveDuesReduction.Handle)
            .WithName(nameof(ApproveDuesReduction))
            .WithSummary("Approve paying less than the rule (committee, audited)")
            .WithValidation<ApproveDuesReduction.Request>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/members/{memberId:int}/account", SetDuesAccount.Handle)
            .WithName(nameof(SetDuesAccount))
            .WithSummary("Paid-up-to from a transfer letter, the month a member left, an approved reason for not paying (committee, audited)")
            .WithValidation<SetDuesAccount.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/members/{memberId:int}/payments", RecordDuesPayment.Handle)
            .WithName(nameof(RecordDuesPayment))
            .WithSummary("Record a cash or bank payment with its receipt number (committee, audited)")
            .WithValidation<RecordDuesPayment.Request>()
            .WithIdempotency()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/members/{memberId:int}/payments", ListMemberDuesPayments.Handle)
            .WithName(nameof(ListMemberDuesPayments))
            .WithSummary("A member's payments, newest first, for the committee (e.g. to find one to refund)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/payments/{paymentId:long}/refund", RefundDuesPayment.Handle)
            .WithName(nameof(RefundDuesPayment))
            .WithSummary("Refund a WeChat Pay payment made in error (committee, audited); the refund notification reopens its months")
            .WithValidation<RefundDuesPayment.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/branches/{branchId:int}", GetBranchDues.Handle)
            .WithName(nameof(GetBranchDues))
            .WithSummary("The branch's month: paid, unpaid, arrears by length with names, flagged members, disputed payments (committee)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/branches/{branchId:int}/remind", RemindUnpaidDues.Handle)
            .WithName(nameof(RemindUnpaidDues))
            .WithSummary("Remind the members with unpaid past months (committee, audited, once a day)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/branches/{branchId:int}/reconciliation", ReconcileDues.Handle)
            .WithName(nameof(ReconcileDues))
            .WithSummary("Compare a day's WeChat Pay trade bill with our records: paid there not here, here not there, amount differs (committee)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/branches/{branchId:int}/reconciliation/resolve", ResolveDuesDifference.Handle)
            .WithName(nameof(ResolveDuesDifference))
            .WithSummary("Fix one difference by taking WeChat Pay's word for the order (committee, audited)")
            .WithValidation<ResolveDuesDifference.Request>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/report", GetDuesReport.Handle)
            .WithName(nameof(GetDuesReport))
            .WithSummary("Yearly receipts by month and branch (JSON, or format=xlsx): members see their branch's, committees and admins the branches they manage")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapPost("/api/dues/wechatpay/notify", ReceiveWeChatPayNotification.Handle)
            .WithTags("Dues")
            .AllowAnonymous()
            .WithName(nameof(ReceiveWeChatPayNotification))
            .WithSummary("WeChat Pay's payment and refund notifications (verified, decrypted, idempotent)")
            .Produces(StatusCodes.Status204NoContent)
            .Produces<ReceiveWeChatPayNotification.Failure>(StatusCodes.Status401Unauthorized);
        return app;
    }
}
