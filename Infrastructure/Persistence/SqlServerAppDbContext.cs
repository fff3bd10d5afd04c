namespace SmartBranch.Infrastructure.Persistence;

/// <summary>The production provider: SQL Server, with its own migrations under Migrations/SqlServer.</summary>
public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
