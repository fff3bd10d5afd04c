using SmartBranch.Domain.Common;
using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Features.Meetings;

/// <summary>
/// The details an organiser fills in when scheduling or changing a meeting: the body of changing one
/// (<see cref="UpdateMeeting.Request"/>) and, with the type and organising unit, of scheduling one
/// (<see cref="ScheduleMeeting.Request"/>). Times are instants (China time on screen); <c>addMemberIds</c> and
/// <c>removeMemberIds</c> adjust the expected attendees (at most 500 each).
/// </summary>
public abstract record MeetingFields
{
    public string Topic { get; init; } = "";

    public DateTimeOffset StartsAt { get; init; }

    public DateTimeOffset EndsAt { get; init; }

    public string? Place { get; init; }

    public string? OnlineLink { get; init; }

    public int? ConvenerId { get; init; }

    public int? RecorderId { get; init; }

    public string? Agenda { get; init; }

    public Visibility? Visibility { get; init; }

    public IReadOnlyList<int>? AddMemberIds { get; init; }

    public IReadOnlyList<int>? RemoveMemberIds { get; init; }
}

/// <summary>
/// Shape checks shared by scheduling and changing a meeting; the domain checks the rest. Included by each
/// request's validator (after its own rules) so the error order stays that of the request.
/// </summary>
internal sealed class MeetingDetailsValidator : AbstractValidator<MeetingFields>
{
    public MeetingDetailsValidator()
    {
        RuleFor(r => r.Topic).NotEmpty().WithMessage("请填写会议主题。").VisibleText().WithMessage("请填写会议主题。").MaximumLength(Meeting.TopicMaxLength);
        RuleFor(r => r.StartsAt).NotEmpty().WithMessage("请填写开始时间。");
        RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithMessage("结束时间必须晚于开始时间。");
        RuleFor(r => r.Place).MaximumLength(Meeting.PlaceMaxLength);
        RuleFor(r => r.OnlineLink).MaximumLength(Meeting.OnlineLinkMaxLength)
            .Must(BeHttpUrl).WithMessage("线上会议链接必须是 http(s) 地址。");
        RuleFor(r => r).Must(r => !string.IsNullOrWhiteSpace(r.Place) || !string.IsNullOrWhiteSpace(r.OnlineLink))
            .WithName("place").WithMessage("请填写会议地点或线上会议链接。");
        RuleFor(r => r.Agenda).MaximumLength(Meeting.AgendaMaxLength);
        RuleFor(r => r.AddMemberIds).Must(ids => ids is null || ids.Count <= 500).WithMessage("一次最多调整500人。");
        RuleFor(r => r.RemoveMemberIds).Must(ids => ids is null || ids.Count <= 500).WithMessage("一次最多调整500人。");
    }

    private static bool BeHttpUrl(string? link) =>
        string.IsNullOrWhiteSpace(link)
        || (Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}

internal static class MeetingFieldsExtensions
{
    public static MeetingDetails ToDetails(this MeetingFields r, int convenerId, Visibility defaultVisibility) =>
        new(r.Topic, r.StartsAt, r.EndsAt, r.Place, r.OnlineLink, convenerId, r.RecorderId, r.Agenda, r.Visibility ?? defaultVisibility);
}
