namespace SmartBranch.Domain.Interaction;

/// <summary>
/// Working days as the mailbox counts them: Monday to Friday in China time (UTC+8). Public holidays and
/// make-up working days (调休) are not known to the system and count as ordinary weekdays/weekends.
/// </summary>
public static class WorkingDays
{
    /// <summary>
    /// The end of the <paramref name="days"/>-th working day after the local date of <paramref name="from"/>
    /// (the instant the next local day starts). Counting starts the day after, so something written on a
    /// Monday with 5 working days is due by the end of the next Monday. Deadlines fall on whole days, so they
    /// reveal the day something was written, never the time.
    /// </summary>
    public static DateTimeOffset EndOfWorkingDay(DateTimeOffset from, int days)
    {
        var day = Common.LocalCalendar.Today(from);
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return Common.LocalCalendar.StartOf(day.AddDays(1));
    }
}
