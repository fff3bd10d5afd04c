using SmartBranch.Domain.Messaging;
using SmartBranch.Domain.Organization;

namespace SmartBranch.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Each database provider has a subclass that owns its migration set
/// (<see cref="SqliteAppDbContext"/>, <see cref="SqlServerAppDbContext"/>); code depends on this type only.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OrganizationUnit> Units => Set<OrganizationUnit>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<SubscriptionQuota> SubscriptionQuotas => Set<SubscriptionQuota>();

    public DbSet<SmartBranch.Domain.Common.AuditEntry> AuditLog => Set<SmartBranch.Domain.Common.AuditEntry>();

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
