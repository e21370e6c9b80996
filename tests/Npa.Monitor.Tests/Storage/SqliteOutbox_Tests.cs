using System.Runtime.Versioning;
using System.Text;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Tests.Storage;

/// <summary>The persistent outbox: order, durability across reopen, and the overflow policy.</summary>
[SupportedOSPlatform("linux")]
public sealed class SqliteOutbox_Tests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Entries_Come_Back_In_Enqueue_Order_And_Survive_Reopen()
    {
        string path = _temp.File("outbox.db");
        using (var outbox = new SqliteOutbox(path, 100))
        {
            for (int i = 0; i < 5; i++) outbox.Enqueue(Message(OutboxKind.Alert, i));
            outbox.Remove(outbox.Peek(1)[0].Id);
        }
        using var reopened = new SqliteOutbox(path, 100);
        Assert.Equal(4, reopened.Count);
        var entries = reopened.Peek(10);
        Assert.Equal(["1", "2", "3", "4"], entries.Select(e => Encoding.UTF8.GetString(e.Message.Payload.Span)));
        Assert.All(entries, e => Assert.Equal(OutboxKind.Alert, e.Message.Kind));
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.Id < p.Second.Id));
    }

    [Fact]
    public void Outbox_Files_Are_Private_And_Use_Wal()
    {
        string path = _temp.File("sub/outbox.db");
        using var outbox = new SqliteOutbox(path, 10);
        outbox.Enqueue(Message(OutboxKind.State, 1));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(path));
        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(_temp.File("sub")));
        Assert.True(File.Exists(path + "-wal"), "WAL journal expected beside the database");
    }

    [Fact]
    public void Full_Outbox_Drops_The_Oldest_Non_Alert_First()
    {
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 3);
        outbox.Enqueue(Message(OutboxKind.Alert, 1));
        outbox.Enqueue(Message(OutboxKind.State, 2));
        outbox.Enqueue(Message(OutboxKind.Status, 3));
        outbox.Enqueue(Message(OutboxKind.Alert, 4));
        Assert.Equal(["1", "3", "4"], Payloads(outbox));
        Assert.Equal(1, outbox.DroppedNonAlerts);
        Assert.Equal(0, outbox.AlertsOverCapacity);
    }

    [Fact]
    public void Outbox_Full_Of_Alerts_Keeps_New_Alerts_Beyond_Capacity_And_Counts_Them()
    {
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 2);
        for (int i = 1; i <= 4; i++) Assert.NotNull(outbox.Enqueue(Message(OutboxKind.Alert, i)));
        Assert.Equal(["1", "2", "3", "4"], Payloads(outbox));
        Assert.Equal(2, outbox.AlertsOverCapacity);

        // A state cannot push an alert out: it is the one not stored.
        Assert.Null(outbox.Enqueue(Message(OutboxKind.State, 5)));
        Assert.Equal(4, outbox.Count);
        Assert.Equal(1, outbox.DroppedNonAlerts);
    }

    [Fact]
    public void Acknowledged_Entries_Are_Kept_Until_Purged_And_Requeue_Ahead_Of_Pending_Ones()
    {
        var t0 = DateTimeOffset.UnixEpoch.AddDays(20000);
        using var outbox = new SqliteOutbox(_temp.File("outbox.db"), 100);
        for (int i = 1; i <= 4; i++) outbox.Enqueue(Message(OutboxKind.Alert, i));
        var ids = outbox.Peek(4).Select(e => e.Id).ToArray();
        outbox.Acknowledge(ids[0], t0);
        outbox.Acknowledge(ids[1], t0.AddSeconds(5));
        Assert.Equal((2, 2), (outbox.Count, outbox.AcknowledgedCount));
        Assert.Equal(["3", "4"], Payloads(outbox));

        Assert.Equal(1, outbox.PurgeAcknowledged(t0.AddSeconds(1)));
        Assert.Equal(1, outbox.RequeueAcknowledged());
        Assert.Equal(["2", "3", "4"], Payloads(outbox));
        Assert.Equal((3, 0), (outbox.Count, outbox.AcknowledgedCount));
    }

    [Fact]
    public void Acknowledged_Entries_Survive_Reopen_And_Go_First_When_Full()
    {
        string path = _temp.File("outbox.db");
        using (var outbox = new SqliteOutbox(path, 3))
        {
            outbox.Enqueue(Message(OutboxKind.Alert, 1));
            outbox.Enqueue(Message(OutboxKind.State, 2));
            outbox.Acknowledge(outbox.Peek(1)[0].Id, DateTimeOffset.UnixEpoch);
        }
        using var reopened = new SqliteOutbox(path, 3);
        Assert.Equal((1, 1), (reopened.Count, reopened.AcknowledgedCount));
        reopened.Enqueue(Message(OutboxKind.Alert, 3));
        reopened.Enqueue(Message(OutboxKind.Alert, 4)); // full: the delivered alert 1 goes, not the pending state 2
        Assert.Equal(0, reopened.AcknowledgedCount);
        Assert.Equal(["2", "3", "4"], Payloads(reopened));
        Assert.Equal(0, reopened.DroppedNonAlerts);
    }

    [Fact]
    public void Use_After_Dispose_Throws_And_Dispose_Twice_Is_Harmless()
    {
        var outbox = new SqliteOutbox(_temp.File("outbox.db"), 10);
        outbox.Dispose();
        outbox.Dispose();
        Assert.Throws<ObjectDisposedException>(() => outbox.Peek(1));
    }

    private static OutboxMessage Message(OutboxKind kind, int n) =>
        new(kind, "npa/beds/b1/" + kind.ToString().ToLowerInvariant(), Encoding.UTF8.GetBytes(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, kind != OutboxKind.Alert);

    private static string[] Payloads(SqliteOutbox outbox) => [.. outbox.Peek(100).Select(e => Encoding.UTF8.GetString(e.Message.Payload.Span))];
}
