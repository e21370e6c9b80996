using System.Runtime.Versioning;
using Npa.Monitor.Annotation;
using Npa.Monitor.Storage;
using Npa.Monitor.Tests.Storage;

namespace Npa.Monitor.Tests.Annotation;

[SupportedOSPlatform("linux")]
public class AnnotationDesk_Tests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(SqliteFlaggedFrameStore Store, SqliteAnnotationLedger Ledger, string Id)> OneFrameAsync(TempFolder temp)
    {
        var store = new SqliteFlaggedFrameStore(new FlaggedStoreOptions { Folder = temp.File("flagged"), MinIntervalPerBed = TimeSpan.Zero });
        await store.AddAsync(SqliteFlaggedFrameStore_Tests.Candidate("bed-1", T0), SqliteFlaggedFrameStore_Tests.Png(64));
        return (store, new SqliteAnnotationLedger(store.Folder), store.List().Single().Id);
    }

    [Fact]
    public async Task Each_Answer_Is_Audited_With_Who_When_And_The_Previous_Value()
    {
        using var temp = new TempFolder();
        var (store, ledger, id) = await OneFrameAsync(temp);
        using var s = store;
        using var l = ledger;
        var clock = new ManualClock(T0.AddHours(1));
        var desk = new AnnotationDesk(store, ledger, 1, clock);

        desk.Answer(id, "ann", new AnnotationValue(4));
        clock.Now = T0.AddHours(2);
        desk.Answer(id, "ann", new AnnotationValue(6));

        var rows = ledger.Audit(id);
        Assert.Equal(2, rows.Count);
        Assert.Equal((2L, "ann", T0.AddHours(2), (AnnotationValue?)new AnnotationValue(4), new AnnotationValue(6), (int?)6),
            (rows[0].Seq, rows[0].Annotator, rows[0].Time, rows[0].Previous, rows[0].Value, rows[0].StoreLabel));
        Assert.Equal((1L, T0.AddHours(1), (AnnotationValue?)null, (int?)4), (rows[1].Seq, rows[1].Time, rows[1].Previous, rows[1].StoreLabel));
        var frame = store.Find(id)!;
        Assert.Equal((RelabelStatus.Labelled, (int?)6, "ann"), (frame.Status, frame.AnnotatorLabel, frame.Annotator));
    }

    [Fact]
    public async Task Cannot_Tell_Is_Audited_But_Never_Becomes_A_Label()
    {
        using var temp = new TempFolder();
        var (store, ledger, id) = await OneFrameAsync(temp);
        using var s = store;
        using var l = ledger;
        var desk = new AnnotationDesk(store, ledger, 1, new ManualClock(T0));

        var entry = desk.Answer(id, "ann", AnnotationValue.CannotTell);

        Assert.Equal("cannot_tell", entry.Value.ToString());
        Assert.Null(entry.StoreLabel);
        Assert.Equal(RelabelStatus.Pending, store.Find(id)!.Status);
        Assert.Empty(desk.QueueFor("ann"));
        Assert.Single(desk.QueueFor("bob"));
    }

    [Fact]
    public async Task With_Double_Annotation_A_Level_Is_Applied_Only_When_Two_Agree()
    {
        using var temp = new TempFolder();
        var (store, ledger, id) = await OneFrameAsync(temp);
        using var s = store;
        using var l = ledger;
        var desk = new AnnotationDesk(store, ledger, 2, new ManualClock(T0));

        Assert.Null(desk.Answer(id, "ann", new AnnotationValue(5)).StoreLabel);
        Assert.Null(desk.Answer(id, "bob", new AnnotationValue(4)).StoreLabel);
        Assert.Null(store.Find(id)!.AnnotatorLabel);
        Assert.Equal(5, desk.Answer(id, "bob", new AnnotationValue(5)).StoreLabel);

        var frame = store.Find(id)!;
        Assert.Equal((RelabelStatus.Labelled, (int?)5, "ann+bob"), (frame.Status, frame.AnnotatorLabel, frame.Annotator));
        var pair = Assert.Single(AgreementPair.From(ledger.AllAnswers()));
        Assert.Equal((1, 1), (pair.Frames, pair.Agreed));
    }

    [Fact]
    public async Task An_Unknown_Frame_Records_Nothing()
    {
        using var temp = new TempFolder();
        var (store, ledger, _) = await OneFrameAsync(temp);
        using var s = store;
        using var l = ledger;
        var desk = new AnnotationDesk(store, ledger, 1, new ManualClock(T0));

        Assert.Throws<KeyNotFoundException>(() => desk.Answer("0123456789abcdef0123456789abcdef", "ann", new AnnotationValue(2)));

        Assert.Empty(ledger.Audit(null));
    }
}
