using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Common;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Domain;

/// <summary>The keyword limits of Infrastructure/WeChat/README.md §3, as pure functions.</summary>
public sealed class KeywordsTests
{
    [TestCase("thing1", KeywordType.Thing)]
    [TestCase("time2", KeywordType.Time)]
    [TestCase("phrase16", KeywordType.Phrase)]
    [TestCase("character_string12", KeywordType.CharacterString)]
    [TestCase("phone_number3", KeywordType.PhoneNumber)]
    [TestCase("car_number1", KeywordType.CarNumber)]
    [TestCase("date5", KeywordType.Date)]
    public void ReadsTheTypeFromThePrefix_WhenTheKeywordIsKnown(string keyword, KeywordType expected) =>
        Assert.That(Keywords.TypeOf(keyword), Is.EqualTo(expected));

    [TestCase("enum1")]
    [TestCase("thing")]
    [TestCase("12")]
    [TestCase("things1")]
    public void HasNoType_WhenTheKeywordIsUnknownOrHasNoNumber(string keyword) =>
        Assert.That(Keywords.TypeOf(keyword), Is.Null);

    [Test]
    public void CutsThingToTwentyWithEllipsis_WhenTheTextIsLonger()
    {
        var value = Keywords.Prepare(KeywordType.Thing, "关于开展二〇二六年度第一季度主题党日活动的通知（请各支部认真组织）");

        Assert.That(value.IsValid, Is.True);
        Assert.That(Keywords.Length(value.Value), Is.EqualTo(20));
        Assert.That(value.Value, Does.EndWith("…"));
    }

    [Test]
    public void CollapsesWhitespace_WhenTheTextHasLineBreaks()
    {
        Assert.That(Keywords.Prepare(KeywordType.Thing, "  支部\n\n大会\t议程 ").Value, Is.EqualTo("支部 大会 议程"));
    }

    [Test]
    public void CountsAnEmojiAsItsTwoCodeUnits_WhenCheckingThing()
    {
        // WeChat does not document how it counts an emoji (Infrastructure/WeChat/README.md §3); the larger count is the safe one.
        Assert.That(Keywords.Check(KeywordType.Thing, string.Concat(Enumerable.Repeat("👍", 10))), Is.Null);
        Assert.That(Keywords.Check(KeywordType.Thing, string.Concat(Enumerable.Repeat("👍", 11))), Is.EqualTo("invalid"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(" 前导空格")]
    public void IsEmpty_WhenTheValueIsBlankOrStartsWithASpace(string value) =>
        Assert.That(Keywords.Check(KeywordType.Thing, value), Is.EqualTo("is empty"));

    [TestCase("已批准!", "已批准")]
    [TestCase("同意 approved", "同意")]
    [TestCase("请假申请已经批准", "请假申请已")]
    public void KeepsFirstChineseCharacters_WhenPreparingPhrase(string text, string expected)
    {
        var value = Keywords.Prepare(KeywordType.Phrase, text);

        Assert.That(value.Value, Is.EqualTo(expected));
        Assert.That(value.IsValid, Is.True);
    }

    [Test]
    public void CannotBeFilled_WhenAPhraseHasNoChinese()
    {
        Assert.That(Keywords.Prepare(KeywordType.Phrase, "OK!").Problem, Is.EqualTo("is empty"));
        Assert.That(Keywords.Check(KeywordType.Phrase, "批准。"), Is.EqualTo("invalid"), "punctuation is not pure Chinese");
    }

    [Test]
    public void FormatsTimeInChinaTime_WhenTheInstantIsUtc()
    {
        var value = Keywords.FormatTime(new DateTimeOffset(2026, 3, 2, 17, 5, 0, TimeSpan.Zero));

        Assert.That(value, Is.EqualTo("2026年3月3日 01:05"));
        Assert.That(Keywords.Check(KeywordType.Time, value), Is.Null);
        Assert.That(Keywords.FormatDate(new DateTimeOffset(2026, 3, 2, 17, 5, 0, TimeSpan.Zero)), Is.EqualTo("2026年3月3日"));
    }

    [TestCase(KeywordType.Time, "15:01")]
    [TestCase(KeywordType.Time, "2019年10月1日 15:01")]
    [TestCase(KeywordType.Time, "2019年10月1日 15:01~2019年10月1日 17:30")]
    [TestCase(KeywordType.Date, "2019年10月1日")]
    [TestCase(KeywordType.Date, "2019-12-25 09:42")]
    [TestCase(KeywordType.Number, "12.50")]
    [TestCase(KeywordType.Letter, "abcXYZ")]
    [TestCase(KeywordType.Symbol, "%$")]
    [TestCase(KeywordType.CharacterString, "ORD-2026_03#1")]
    [TestCase(KeywordType.Amount, "¥12.50元")]
    [TestCase(KeywordType.PhoneNumber, "+86-0766-66888866")]
    [TestCase(KeywordType.CarNumber, "粤A12345")]
    [TestCase(KeywordType.Name, "欧阳娜娜")]
    [TestCase(KeywordType.Name, "Zhang San")]
    public void Accepts_WhenTheValueFitsItsType(KeywordType type, string value) =>
        Assert.That(Keywords.Check(type, value), Is.Null);

    [TestCase(KeywordType.Time, "明天下午")]
    [TestCase(KeywordType.Time, "25:00")]
    [TestCase(KeywordType.Date, "3月2日")]
    [TestCase(KeywordType.Number, "12a")]
    [TestCase(KeywordType.Letter, "abc1")]
    [TestCase(KeywordType.Symbol, "%%%%%%")]
    [TestCase(KeywordType.CharacterString, "含中文ABC")]
    [TestCase(KeywordType.Amount, "12345678901")]
    [TestCase(KeywordType.PhoneNumber, "call me 123")]
    [TestCase(KeywordType.CarNumber, "粤A1234567")]
    [TestCase(KeywordType.Name, "一二三四五六七八九十一")]
    public void Refuses_WhenTheValueBreaksItsType(KeywordType type, string value) =>
        Assert.That(Keywords.Check(type, value), Is.EqualTo("invalid"));

    [Test]
    public void KeepsPrintableAsciiUpTo32_WhenPreparingCharacterString()
    {
        var value = Keywords.Prepare(KeywordType.CharacterString, "编号 AB-12 " + new string('x', 40));

        Assert.That(value.Value, Is.EqualTo("AB-12" + new string('x', 27)));
        Assert.That(value.IsValid, Is.True);
    }

    // Cuts after the fast paths of the reminder drain (Keywords.Cut measures in code units and finds graphemes only
    // when it cuts): each case is checked against TextCut.Shorten, the one general way text is shortened.
    [TestCase("👨‍👩‍👧‍👦党支部主题党日活动报名开始了请准时参加", Description = "family emoji (11 code units) first")]
    [TestCase("主题党日活动报名开始了请准时参加😀😀😀", Description = "emoji straddling the cut")]
    [TestCase("支部大会😀😀😀😀😀😀😀😀😀😀", Description = "surrogate pairs only after CJK")]
    [TestCase("🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳🇨🇳", Description = "flags: two surrogate pairs each")]
    [TestCase("Cafe\u0301 e\u0301te\u0301 re\u0301union de\u0301le\u0301gue\u0301s", Description = "combining accents")]
    [TestCase("第一季度 主题党日 活动 通知 请各支部认真组织", Description = "spaces between words")]
    [TestCase("𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋", Description = "CJK Extension B (surrogate pairs)")]
    public void CutsThingBetweenWholeCharactersAsTextCutDoes_WhenTheTextHasEmojiOrCjk(string text)
    {
        text = System.Text.RegularExpressions.Regex.Unescape(text);

        var value = Keywords.Prepare(KeywordType.Thing, text);

        Assert.That(value.Value, Is.EqualTo(TextCut.Shorten(text, Keywords.ThingMaxLength, TextCut.Ellipsis, e => e.Length)));
        Assert.That(value.IsValid, Is.True);
        Assert.That(value.Value.Length, Is.LessThanOrEqualTo(Keywords.ThingMaxLength));
        Assert.That(value.Value, Does.EndWith(TextCut.Ellipsis));
        Assert.That(char.IsHighSurrogate(value.Value[^2]), Is.False, "no half surrogate pair before the ellipsis");
    }

    [TestCase("👨‍👩‍👧‍👦家")]
    [TestCase("学😀🇨🇳e\u0301")]
    [TestCase("")]
    public void MeasuresEachCharacterByItsCodeUnits_WhenTheTextHasEmojiOrCjk(string text)
    {
        text = System.Text.RegularExpressions.Regex.Unescape(text);

        Assert.That(Keywords.Length(text), Is.EqualTo(TextCut.Length(text, e => e.Length)));
    }

    [Test]
    public void CutsNameWithoutMarker_WhenAChineseNameHasEmoji()
    {
        var value = Keywords.Prepare(KeywordType.Name, "欧阳娜娜😀😀😀张三李四王五");

        Assert.That(value.Value, Is.EqualTo("欧阳娜娜😀😀😀"));
        Assert.That(value.IsValid, Is.True);
    }

    [TestCase("支部 大会 议程", "支部 大会 议程")]
    [TestCase("支部  大会", "支部 大会")]
    [TestCase("支部\u3000大会", "支部 大会")]
    [TestCase("支部\u0001大会", "支部 大会")]
    [TestCase(" 支部", "支部")]
    [TestCase("支部 ", "支部")]
    [TestCase("a b c", "a b c")]
    public void CollapsesOnlyWhatNeedsIt_WhenPreparingThing(string text, string expected)
    {
        Assert.That(Keywords.Prepare(KeywordType.Thing, System.Text.RegularExpressions.Regex.Unescape(text)).Value, Is.EqualTo(expected));
    }

    [TestCase("argument invalid! data.phrase16.value invalid", "phrase16")]
    [TestCase("argument invalid! data.thing1.value is empty rid: 1", "thing1")]
    [TestCase("emulated failure", "(not named)")]
    public void NamesTheField_WhenWeChatRefusesTemplateData(string errMsg, string field) =>
        Assert.That(ReminderDispatcher.FieldOf(errMsg), Is.EqualTo(field));
}
