using SmartBranch.Domain.Notices;

namespace SmartBranch.Api.Tests.Domain;

public sealed class ClassificationTests
{
    [TestCase("机密★")]
    [TestCase("绝密★1年")]
    [TestCase("秘密★6个月")]
    [TestCase("机密★长期")]
    [TestCase("机密 ★ 10年")]
    [TestCase("秘密☆")]
    [TestCase("秘密级")]
    [TestCase("本文件为机密级文件")]
    [TestCase("密级：机密")]
    [TestCase("密级:绝密")]
    [TestCase("密级 秘密")]
    [TestCase("密级：“机密”")]
    [TestCase("【绝密】关于人事安排的通知")]
    [TestCase("[机密] 会议纪要")]
    [TestCase("（秘密）")]
    [TestCase("〔机密〕")]
    [TestCase("第一行\n机密\n正文内容")]
    [TestCase("  绝密  ")]
    [TestCase("ＸＸ文件　机密★１年")]
    [TestCase("机　密★")]
    [TestCase("机\u200B密★")]
    [TestCase("密　级：机　密")]
    public void FindsMarking_WhenLevelIsUsedAsAMarking(string text)
    {
        Assert.That(Classification.FindMarking(text), Is.Not.Null);
        Assert.That(Classification.Check("普通标题", text).Succeeded, Is.False);
    }

    [TestCase("做好保密工作")]
    [TestCase("没有秘密可言")]
    [TestCase("严守党的秘密，做好保密工作。")]
    [TestCase("机密文件管理培训将于周五举行")]
    [TestCase("涉密人员请勿使用手机拍照")]
    [TestCase("不得泄露国家秘密")]
    [TestCase("学习《中华人民共和国保守国家秘密法》")]
    [TestCase("观看电影《绝密飞行》")]
    [TestCase("秘密武器是团结")]
    [TestCase("讲解密级的划分：机密级别高于秘密级别")]
    [TestCase("保密级别培训")]
    [TestCase("星级评定★★★")]
    [TestCase("这个秘密，大家都知道了")]
    [TestCase("")]
    public void FindsNothing_WhenWordsAreOrdinary(string text)
    {
        Assert.That(Classification.FindMarking(text), Is.Null);
        Assert.That(Classification.Check(text).Succeeded, Is.True);
    }

    [Test]
    public void RefusalSaysWhyAndWhatToDo_WhenMarkingIsFound()
    {
        var outcome = Classification.Check("关于某事项的通知", "绝密★1年\n内容");

        Assert.That(outcome.Error!.Code, Is.EqualTo("notice.classified"));
        Assert.That(outcome.Error.Message, Does.Contain("绝密★").And.Contain("严禁").And.Contain("请删除涉密内容"));
    }
}
