using SmartBranch.Api.Messaging;
using SmartBranch.Domain.Messaging;

namespace SmartBranch.Api.Tests.Messaging;

/// <summary>
/// Each area registers its reminder kinds once (<c>AddReminderKind</c>, Api/Messaging/ReminderKinds.cs); the app derives
/// everything else, but deploy/compose.yaml and deploy/.env.example are files, so this test keeps them in step.
/// </summary>
public sealed class ReminderKindDeploymentTests : FunctionalTest
{
    [Test]
    public void EveryRegisteredKind_IsConfiguredInComposeAndEnvExample()
    {
        var registered = App.Services.GetServices<ReminderKindRegistration>().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(registered.Select(k => k.Kind.ToString()), Is.Unique, "each kind is registered once");
            Assert.That(DeployTemplates.InCompose(), Is.EquivalentTo(registered.ToDictionary(k => k.Kind.ToString(), k => k.DeployVariable)),
                "deploy/compose.yaml passes Reminders__Templates__<Kind>__TemplateId: ${TEMPLATE_<KIND>:?…} for exactly the registered kinds");
            Assert.That(DeployTemplates.InEnvExample(), Is.EquivalentTo(registered.Select(k => k.DeployVariable)),
                "deploy/.env.example lists TEMPLATE_<KIND>= for exactly the registered kinds");
        });
    }

    [Test]
    public void DeployVariable_SpellsTheKindInCapitalsWithUnderscores()
    {
        var leave = App.Services.GetServices<ReminderKindRegistration>().Single(k => k.Kind == ReminderKind.LeaveDecision);

        Assert.That((leave.DeployVariable, leave.ConfigurationKey), Is.EqualTo(("TEMPLATE_LEAVE_DECISION", "Reminders:Templates:LeaveDecision")));
    }
}
