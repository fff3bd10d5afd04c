using SmartBranch.Domain.Meetings;

namespace SmartBranch.Api.Tests.Domain;

public sealed class MinutesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Test]
    public void KeepsEveryRevisionInOrder_WhenPublishedMinutesAreEdited()
    {
        var minutes = new Minutes(1, string.Empty, 7, Now);
        minutes.Save("草稿", publish: false, 7, Now, Now);
        minutes.Save("第一版", publish: true, 7, Now.AddMinutes(1), Now);
        minutes.Save("第二版", publish: false, 8, Now.AddMinutes(2), Now);

        Assert.That(minutes.Revisions.Select(r => (r.Number, r.Content, r.AuthorId)), Is.EqualTo(new[] { (1, "第一版", 7), (2, "第二版", 8) }));
        Assert.That(minutes.Current, Is.EqualTo("第二版"));
    }

    [Test]
    public void OverwritesDraftWithoutRevisions_WhenNotPublished()
    {
        var minutes = new Minutes(1, string.Empty, 7, Now);
        minutes.Save("一", publish: false, 7, Now, Now);
        minutes.Save("二", publish: false, 7, Now, Now);

        Assert.That(minutes.Revisions, Is.Empty);
        Assert.That(minutes.Current, Is.EqualTo("二"));
    }

    [Test]
    public void RefusesToPublish_BeforeTheMeetingStarts_ButKeepsTheDraft()
    {
        var minutes = new Minutes(1, string.Empty, 7, Now);
        var startsAt = Now.AddHours(1);

        var (_, error) = minutes.Save("提前写好的记录", publish: true, 7, Now, startsAt);
        var draft = minutes.Save("提前写好的记录", publish: false, 7, Now, startsAt);
        var published = minutes.Save("提前写好的记录", publish: true, 7, startsAt, startsAt);

        Assert.That(error?.Code, Is.EqualTo("minutes.before_meeting"));
        Assert.That(error?.Kind, Is.EqualTo(SmartBranch.Domain.Common.ErrorKind.Conflict));
        Assert.That(draft.Succeeded, Is.True);
        Assert.That(published.Value?.Number, Is.EqualTo(1));
    }
}
