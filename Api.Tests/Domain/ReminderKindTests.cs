using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Domain;

/// <summary>A reminder kind is its name (Domain/Messaging/ReminderKind.cs): what the outbox stores and the JSON writes.</summary>
public sealed class ReminderKindTests
{
    [Test]
    public void IsEqualByName_SoAKindReadFromTheDatabaseMatchesTheDeclaredOne()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new ReminderKind("LeaveDecision"), Is.EqualTo(ReminderKind.LeaveDecision));
            Assert.That(ReminderKind.Development.ToString(), Is.EqualTo("Development"));
            Assert.That(ReminderKind.Dues, Is.Not.EqualTo(ReminderKind.Development));
        });
    }

    [TestCase("")]
    [TestCase("meeting")]
    [TestCase("Leave_Decision")]
    [TestCase("Meeting2")]
    [TestCase("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNO")]
    public void RefusesANameThatIsNotPascalCaseLettersOfAtMost40(string name) =>
        Assert.That(() => new ReminderKind(name), Throws.ArgumentException);
}
