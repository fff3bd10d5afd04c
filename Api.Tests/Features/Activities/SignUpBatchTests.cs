using System.Diagnostics.Metrics;
using System.Text.Json;
using SmartBranch.Api.Features.Activities;
using SmartBranch.Domain.Activities;
using SmartBranch.Domain.Common;

namespace SmartBranch.Api.Tests.Features.Activities;

/// <summary>
/// Group commit of sign-ups (<c>SignUpQueue</c>): the sign-ups for one activity that arrive while a write is in
/// progress are decided and written together, in one transaction, when it ends. To make a batch certain without
/// timing, each test holds the activity's row lock (on SQLite the database's write lock) in a transaction of its own,
/// as another instance's write would: the first sign-up then waits in its write, the next ones queue behind it
/// (counted by the app's <c>smartbranch.sign_ups.queued</c> counter, each sent only once the one before it has
/// queued, so their order is known), and the test lets go. What is asserted is what members see and what is stored,
/// and the write transactions committed, counted from EF Core's diagnostics.
/// </summary>
public sealed class SignUpBatchTests : FunctionalTest
{
    [Test]
    public async Task WritesTheSignUpsThatQueuedBehindAWriteInOneTransaction_AndConfirmsExactlyThePlaces()
    {
        var (org, secretary, id, members) = await ActivityApi.OpenSignUpsAsync(App, members: 12, capacity: 9);
        using var meter = new SignUpMeter(App);
        Assert.That((await ActivityApi.SignUpAsync(secretary, id)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "a lone sign-up");
        Assert.That(meter.BatchSizes, Is.EqualTo(new[] { 1 }), "a lone sign-up writes at once, alone");

        using var sql = new SqlCounter(App);
        var responses = await WhileLockedAsync(id, meter, [members[0]], members[1..]);

        var statuses = responses.Select(r => r.StatusCode).ToArray();
        var confirmed = Enumerable.Range(0, members.Length).Where(i => statuses[i] == HttpStatusCode.Created).Select(i => org.A.Members[i].Id).ToArray();
        var codes = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).Select(async r => (await r.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString()));
        Assert.Multiple(() =>
        {
            Assert.That(statuses[0], Is.EqualTo(HttpStatusCode.Created), "the first, written alone while the others queued");
            Assert.That(confirmed, Has.Length.EqualTo(8), "confirmed in the storm (the secretary holds the ninth place)");
            Assert.That(codes, Has.Length.EqualTo(4).And.All.EqualTo("enrollment.full"));
            Assert.That(meter.BatchSizes, Is.EqualTo(new[] { 1, 1, 7 }), "sign-ups per write transaction: the seven left places in one");
            Assert.That(sql.Commits, Is.EqualTo(2), "write transactions committed for twelve sign-ups");
        });
        await AssertStoredAsync(id, [org.A.Secretary.Id, .. confirmed], waiting: []);
    }

    [Test]
    public async Task KeepsArrivalOrderOnTheWaitingList_AndOneSignUpPerMember_WhenMembersTapTwiceInsideOneBatch()
    {
        var (org, secretary, id, m) = await ActivityApi.OpenSignUpsAsync(App, members: 6, capacity: 3, waitingList: true);
        var ids = org.A.Members.Select(x => x.Id).ToArray();
        using var meter = new SignUpMeter(App);
        Assert.That((await ActivityApi.SignUpAsync(secretary, id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var sql = new SqlCounter(App);

        // One at a time into the line: m0 writes alone; then m1, m2, m3, m2 again, m4, m5 and the secretary again.
        var responses = await WhileLockedAsync(id, meter, [m[0], m[1], m[2], m[3], m[2], m[4], m[5], secretary], []);

        var seen = await Task.WhenAll(responses.Select(async r => (r.StatusCode, Body: await r.ReadAsync<JsonElement>())));
        string Describe((HttpStatusCode Status, JsonElement Body) answer) =>
            $"{(int)answer.Status} {answer.Body.GetProperty("status").GetString()} {(answer.Body.GetProperty("waitlistPosition").ValueKind == JsonValueKind.Number ? answer.Body.GetProperty("waitlistPosition").GetInt32() : 0)}";
        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(Describe), Is.EqualTo(new[]
            {
                "201 Confirmed 0", // m0, alone
                "201 Confirmed 0", // m1: the last place
                "201 Waitlisted 1", // m2
                "201 Waitlisted 2", // m3
                "200 Waitlisted 1", // m2 again, in the same batch: the same sign-up
                "201 Waitlisted 3", // m4
                "201 Waitlisted 4", // m5
                "200 Confirmed 0", // the secretary again: their place
            }));
            Assert.That(meter.BatchSizes, Is.EqualTo(new[] { 1, 1, 7 }), "sign-ups per write transaction");
            Assert.That(sql.Commits, Is.EqualTo(2), "write transactions committed");
        });
        Assert.That(ActivityApi.WaitingList(await ActivityApi.AttendanceAsync(secretary, id)), Is.EqualTo(new[] { ids[2], ids[3], ids[4], ids[5] }), "waiting list in arrival order");
        await AssertStoredAsync(id, [org.A.Secretary.Id, ids[0], ids[1]], waiting: [ids[2], ids[3], ids[4], ids[5]]);
    }

    [Test]
    public async Task WritesTheOthersAndGivesTheFailingMemberTheLoneSignUpsAnswer_WhenABatchFails()
    {
        var (org, secretary, id, m) = await ActivityApi.OpenSignUpsAsync(App, members: 4, capacity: 10);
        var ids = org.A.Members.Select(x => x.Id).ToArray();
        using var meter = new SignUpMeter(App);
        Assert.That((await ActivityApi.SignUpAsync(secretary, id)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // The database refuses m2's enrollment row, whichever transaction writes it.
        await RefuseEnrollmentOfAsync(ids[2]);
        using var sql = new SqlCounter(App);
        var responses = await WhileLockedAsync(id, meter, [m[0], m[1], m[2], m[3]], []);
        var alone = await ActivityApi.SignUpAsync(m[2], id);

        var inBatch = await responses[2].Content.ReadAsStringAsync();
        var aloneBody = await alone.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.StatusCode), Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Created, responses[2].StatusCode, HttpStatusCode.Created }));
            Assert.That((int)responses[2].StatusCode, Is.GreaterThanOrEqualTo(400), inBatch);
            Assert.That(responses[2].StatusCode, Is.EqualTo(alone.StatusCode), "the same answer as the lone sign-up");
            Assert.That(JsonDocument.Parse(inBatch).RootElement.GetProperty("title").GetString(), Is.EqualTo(JsonDocument.Parse(aloneBody).RootElement.GetProperty("title").GetString()));

            // m0 alone; the batch of three rolled back and written again one by one; then m2 alone once more.
            Assert.That(meter.BatchSizes, Is.EqualTo(new[] { 1, 1, 3, 1, 1, 1, 1 }), "sign-ups per write transaction");
            Assert.That(sql.Commits, Is.EqualTo(3), "m0, then m1 and m3 each alone");
        });
        await AssertStoredAsync(id, [org.A.Secretary.Id, ids[0], ids[1], ids[3]], waiting: []);
        Assert.That(await App.WithDbAsync(db => db.Enrollments.CountAsync(e => e.ActivityId == id && e.MemberId == ids[2])), Is.Zero, "nothing of the failed sign-up");
    }

    /// <summary>
    /// Holds the activity's row lock (and on SQLite the write lock) while <paramref name="inOrder"/> sign up one after
    /// another (each sent once the one before has queued) and then <paramref name="together"/> all at once; lets go once
    /// all have queued and returns the answers in that order.
    /// </summary>
    private async Task<HttpResponseMessage[]> WhileLockedAsync(int id, SignUpMeter meter, HttpClient[] inOrder, HttpClient[] together)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = new List<Task<HttpResponseMessage>>();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Activities.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.EnrollmentRevision, a => a.EnrollmentRevision + 1));
            var queued = meter.Queued;
            foreach (var member in inOrder)
            {
                pending.Add(ActivityApi.SignUpAsync(member, id));
                await meter.WhenQueuedAsync(++queued);
            }

            pending.AddRange(together.Select(member => ActivityApi.SignUpAsync(member, id)));
            await meter.WhenQueuedAsync(queued + together.Length);
            await transaction.RollbackAsync();
        }

        return await Task.WhenAll(pending);
    }

    /// <summary>A trigger that makes the database refuse an enrollment row for the member (the test's stand-in for a failing write).</summary>
    private Task RefuseEnrollmentOfAsync(int memberId) => App.WithDbAsync(db =>
    {
        var member = memberId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var trigger = db.Database.IsSqlite()
            ? "CREATE TRIGGER RefuseEnrollment" + member + " BEFORE INSERT ON Enrollments WHEN NEW.MemberId = " + member + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"
            : "CREATE TRIGGER RefuseEnrollment" + member + " ON Enrollments AFTER INSERT AS IF EXISTS (SELECT 1 FROM inserted WHERE MemberId = " + member + ") THROW 50000, 'refused by the test', 1;";
        return db.Database.ExecuteSqlRawAsync(trigger);
    });

    /// <summary>
    /// The stored sign-ups are exactly these: the counter equals the confirmed rows, the waiting list is in this order,
    /// and every confirmed member (and nobody else) has the start reminder.
    /// </summary>
    private async Task AssertStoredAsync(int id, int[] confirmed, int[] waiting)
    {
        var (counter, rows, waitingRows, reminded) = await App.WithDbAsync(async db => (
            await db.Activities.Where(a => a.Id == id).Select(a => a.ConfirmedCount).SingleAsync(),
            await db.Enrollments.Where(e => e.ActivityId == id && e.Status == EnrollmentStatus.Confirmed).Select(e => e.MemberId).ToListAsync(),
            await db.Enrollments.Where(e => e.ActivityId == id && e.Status == EnrollmentStatus.Waitlisted).OrderBy(e => e.WaitlistTicket).Select(e => e.MemberId).ToListAsync(),
            await db.Reminders.Where(r => r.SubjectType == SubjectTypes.Activity && r.SubjectId == id && r.Slot == "start-1h").Select(r => r.MemberId).ToListAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(counter, Is.EqualTo(confirmed.Length), "ConfirmedCount");
            Assert.That(rows, Is.EquivalentTo(confirmed), "confirmed rows");
            Assert.That(waitingRows, Is.EqualTo(waiting), "waiting rows by ticket");
            Assert.That(reminded, Is.EquivalentTo(confirmed.Cast<int?>()), "start reminders, one per confirmed member");
        });
    }

    /// <summary>The app's sign-up instruments (meter <c>SmartBranch</c> of this app only): sign-ups queued, and batch sizes.</summary>
    private sealed class SignUpMeter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<int> _batchSizes = [];
        private readonly List<(long Count, TaskCompletionSource Reached)> _waiters = [];
        private long _queued;

        public SignUpMeter(AppFactory app)
        {
            var meters = app.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name is SignUpGate.QueuedInstrument or SignUpGate.BatchInstrument)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Add(value));
            _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
            {
                lock (_batchSizes)
                {
                    _batchSizes.Add(value);
                }
            });
            _listener.Start();
        }

        public long Queued
        {
            get
            {
                lock (_waiters)
                {
                    return _queued;
                }
            }
        }

        public int[] BatchSizes
        {
            get
            {
                lock (_batchSizes)
                {
                    return [.. _batchSizes];
                }
            }
        }

        /// <summary>Completes once <paramref name="count"/> sign-ups in all have queued since this meter started.</summary>
        public Task WhenQueuedAsync(long count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiters)
            {
                if (_queued >= count)
                {
                    return Task.CompletedTask;
                }

                _waiters.Add((count, reached));
            }

            return reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        private void Add(long value)
        {
            lock (_waiters)
            {
                _queued += value;
                foreach (var waiter in _waiters.Where(w => w.Count <= _queued).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Reached.SetResult();
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
