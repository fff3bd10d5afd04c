namespace SmartBranch.Bench;

/// <summary>The activity the sign-up rows (the storm and the sign-up cost) create: starts in two days, sign-up open now.</summary>
internal static class SignUpActivity
{
    /// <summary>The POST /api/activities body: an Internal activity of <paramref name="unitId"/> for that unit, no waiting list.</summary>
    public static object Body(int unitId, string title, string description, int capacity)
    {
        var now = DateTimeOffset.UtcNow;
        return new
        {
            unitId,
            title,
            description,
            place = "图书馆报告厅",
            startsAt = now.AddDays(2),
            endsAt = now.AddDays(2).AddHours(2),
            signUpOpensAt = now.AddMinutes(-1),
            signUpClosesAt = now.AddDays(1),
            capacity,
            waitingList = false,
            visibility = "Internal",
            audience = new { unitIds = new[] { unitId } },
        };
    }
}
