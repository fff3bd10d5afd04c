using SmartBranch.Api.Common.ContentSecurity;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Features.Activities;

/// <summary>
/// The fields an organiser fills in when creating or editing an activity: the whole body of editing one
/// (<see cref="UpdateActivity.Request"/>), and creating one adds the organising unit (<see cref="CreateActivity.Request"/>).
/// One record, so the fields and their checks are written once.
/// </summary>
public abstract record ActivityFields
{
    public string Title { get; init; } = "";

    public string? Description { get; init; }

    public string Place { get; init; } = "";

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset SignUpOpensAt { get; init; }

    public DateTimeOffset SignUpClosesAt { get; init; }

    /// <summary>Places available; null for no limit.</summary>
    public int? Capacity { get; init; }

    /// <summary>When full, further sign-ups wait instead of being refused (needs a capacity).</summary>
    public bool WaitingList { get; init; }

    /// <summary>Required: a forgotten level must never make an activity public.</summary>
    public Visibility? Visibility { get; init; }

    // Null only when the body leaves it out, which the validator refuses.
    public AudienceRequest Audience { get; init; } = null!;

    /// <summary>Marks the activity as the branch's 主题党日 of its month (counted by the compliance report); null keeps the current mark (none for a new activity).</summary>
    public bool? ThemedPartyDay { get; init; }
}

/// <summary>Shape checks shared by create and edit; time order and capacity rules are the domain's.</summary>
public abstract class ActivityFieldsValidator<T> : AbstractValidator<T>
    where T : ActivityFields
{
    protected ActivityFieldsValidator()
    {
        RuleFor(r => r.Title).NotEmpty().WithMessage("请填写活动名称。").VisibleText().WithMessage("请填写活动名称。")
            .MaximumLength(Activity.TitleMaxLength).WithMessage($"活动名称不能超过{Activity.TitleMaxLength}个字。");
        RuleFor(r => r.Description).MaximumLength(Activity.DescriptionMaxLength).WithMessage($"活动说明不能超过{Activity.DescriptionMaxLength}个字。");
        RuleFor(r => r.Place).NotEmpty().WithMessage("请填写活动地点。").VisibleText().WithMessage("请填写活动地点。")
            .MaximumLength(Activity.PlaceMaxLength).WithMessage($"活动地点不能超过{Activity.PlaceMaxLength}个字。");
        RuleFor(r => r.StartsAt).NotEmpty().WithMessage("请填写开始时间。");
        RuleFor(r => r.EndsAt).NotEmpty().WithMessage("请填写结束时间。");
        RuleFor(r => r.SignUpOpensAt).NotEmpty().WithMessage("请填写报名开始时间。");
        RuleFor(r => r.SignUpClosesAt).NotEmpty().WithMessage("请填写报名截止时间。");
        RuleFor(r => r.Capacity).InclusiveBetween(1, Activity.MaxCapacity).When(r => r.Capacity is not null)
            .WithMessage($"名额应在1到{Activity.MaxCapacity}之间，不限名额请留空。");
        // No default: a forgotten level must not silently make an activity public (as for notices).
        RuleFor(r => r.Visibility).NotNull().WithMessage("请选择信息级别（公开、党内或支委）。").IsInEnum().WithMessage("信息级别无效。");
        RuleFor(r => r.Audience).NotNull().WithMessage("请选择活动对象。").SetValidator(new AudienceRequestValidator());
    }
}

internal static class ActivityFieldsExtensions
{
    public static ActivityDetails ToDetails(this ActivityFields r, bool currentThemedPartyDay = false) =>
        new(r.Title, r.Description, r.Place, r.StartsAt, r.EndsAt, r.SignUpOpensAt, r.SignUpClosesAt, r.Capacity, r.WaitingList, r.Visibility!.Value, r.ThemedPartyDay ?? currentThemedPartyDay);

    /// <summary>
    /// What creating and editing both check before the domain sees the fields: the audience is within the caller's
    /// reach (<see cref="AudienceResolver.CheckPosterAsync"/>), and title, description and place — which reach members,
    /// calendar feeds and the big screen — pass the shared text policy. The content verdict (for the audit note), or
    /// the refusal.
    /// </summary>
    public static async Task<Result<ContentVerdict>> CheckPostedAsync(
        this ActivityFields r, Domain.Organization.AccessScope access, string posterOpenId, AudienceResolver audiences, TextContentCheck check, CancellationToken cancellationToken)
    {
        if (await audiences.CheckPosterAsync(access, r.Audience.ToAudience(), cancellationToken) is { Error: { } audienceError })
        {
            return audienceError;
        }

        return await check.ScreenAsync(posterOpenId, r.Title.Trim(), [r.Description, r.Place], cancellationToken);
    }
}
