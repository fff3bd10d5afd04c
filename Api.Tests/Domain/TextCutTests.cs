using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Domain;

/// <summary>Shortening text between whole user-perceived characters (grapheme clusters).</summary>
public sealed class TextCutTests
{
    private const string Family = "👨‍👩‍👧‍👦";

    [Test]
    public void KeepsTheWholeText_WhenSeventyNineCharactersAndAnEmojiFitEighty()
    {
        var text = new string('学', 79) + "😀";

        Assert.That(TextCut.Shorten(text, 80), Is.EqualTo(text));
    }

    [Test]
    public void DropsTheWholeEmoji_WhenTheCutFallsInsideIt()
    {
        var text = new string('学', 79) + "😀" + "更多内容";

        var excerpt = TextCut.Shorten(text, 80);

        Assert.That(excerpt, Is.EqualTo(new string('学', 79) + "…"));
        Assert.That(excerpt, Does.Not.Contain("\uFFFD"));
        Assert.That(excerpt.Any(char.IsSurrogate), Is.False);
    }

    [Test]
    public void KeepsAFamilyEmojiWhole_WhenItSitsAtTheCut()
    {
        var text = "学" + Family + Family + "学";

        var excerpt = TextCut.Shorten(text, 3);

        Assert.That(excerpt, Is.EqualTo("学" + Family + "…"));
    }

    [Test]
    public void SplitsOnlyBetweenCharacters_WhenCuttingIntoPieces()
    {
        var text = new string('学', 2499) + "😀" + "学";

        var pieces = TextCut.Pieces(text, 2500).ToList();

        Assert.That(pieces.Select(p => p.Length), Is.EqualTo(new[] { 2499, 3 }));
        Assert.That(string.Concat(pieces), Is.EqualTo(text));
    }

    [Test]
    public void StaysWithinWeChatsCount_WhenAThingValueIsEmojiHeavy()
    {
        var value = Keywords.Prepare(KeywordType.Thing, string.Concat(Enumerable.Repeat("😀", 30)));

        Assert.That(value.IsValid, Is.True, value.Problem);
        Assert.That(value.Value, Is.EqualTo(string.Concat(Enumerable.Repeat("😀", 9)) + "…"), "each emoji may count as two");
        Assert.That(Keywords.Length(value.Value), Is.LessThanOrEqualTo(Keywords.ThingMaxLength));
    }

    [Test]
    public void FitsAColumnWithoutHalfAnEmoji_WhenTheLimitFallsInsideIt()
    {
        var text = new string('学', 9) + "😀" + "学";

        var stored = TextCut.Fit(text, 10);

        Assert.That(stored, Is.EqualTo(new string('学', 9)));
        Assert.That(TextCut.Fit("学" + Family, 1 + Family.Length), Is.EqualTo("学" + Family));
        Assert.That(TextCut.Fit("短", 10), Is.EqualTo("短"));
    }
}
