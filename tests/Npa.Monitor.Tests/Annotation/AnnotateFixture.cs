using Microsoft.AspNetCore.Builder;
using Npa.Monitor.Annotation;
using Npa.Monitor.Hosting;
using Npa.Monitor.Storage;

namespace Npa.Monitor.Tests.Annotation;

/// <summary>A temp flagged-frame store with three frames, a password file (ann, bob) and a started annotate host on a free loopback port.</summary>
internal sealed class AnnotateFixture : IAsyncDisposable
{
    public const string AnnPassword = "ann-correct-horse-battery";
    public const string BobPassword = "bob-another-long-secret";

    /// <summary>Side of the square test crops.</summary>
    public const int CropSize = 16;

    private AnnotateFixture(string root, SqliteFlaggedFrameStore store, WebApplication app, IReadOnlyList<FlaggedFrame> frames)
    {
        Root = root;
        Store = store;
        App = app;
        Frames = frames;
    }

    public string Root { get; }

    public SqliteFlaggedFrameStore Store { get; }

    public WebApplication App { get; }

    /// <summary>The stored frames, oldest first (bed-1, bed-2, bed-1).</summary>
    public IReadOnlyList<FlaggedFrame> Frames { get; }

    /// <summary>The page's address; a wildcard bind (0.0.0.0) is reached through 127.0.0.1.</summary>
    public Uri BaseUri => App.DashboardUri() is var uri && uri.Host == "0.0.0.0" ? new UriBuilder(uri) { Host = "127.0.0.1" }.Uri : App.DashboardUri();

    public static async Task<AnnotateFixture> StartAsync(int requiredAnnotators = 1, string? model = null, Action<AnnotateOptions>? tweak = null)
    {
        string root = Directory.CreateTempSubdirectory("npa-annotate-").FullName;
        var store = new SqliteFlaggedFrameStore(new FlaggedStoreOptions { Folder = Path.Combine(root, "flagged"), MinIntervalPerBed = TimeSpan.Zero });
        var t0 = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        string[] beds = ["bed-1", "bed-2", "bed-1"];
        byte[] png = CropPng();
        for (int i = 0; i < beds.Length; i++)
        {
            var outcome = await store.AddAsync(new FlaggedFrameCandidate(beds[i], t0.AddMinutes(i), FlagReasons.LowConfidence | FlagReasons.LowAlpha,
                [0.05f, 0.05f, 0.1f, 0.5f, 0.1f, 0.1f, 0.05f, 0.05f], 3, 0.4f, 0.6f, "demo@abc123"), png);
            Assert.Equal(FlagStoreOutcome.Stored, outcome);
        }
        string users = Path.Combine(root, "annotators");
        AnnotatorPasswordFile.AddUser(users, "ann", AnnPassword, iterations: 1000);
        AnnotatorPasswordFile.AddUser(users, "bob", BobPassword, iterations: 1000);
        var options = new AnnotateOptions
        {
            StoreFolder = store.Folder, UsersFile = users, Port = 0, RequiredAnnotators = requiredAnnotators, ModelPath = model,
        };
        tweak?.Invoke(options);
        var app = AnnotateHost.Build(options, store, TimeProvider.System);
        await app.StartAsync();
        return new AnnotateFixture(root, store, app, store.List());
    }

    // A real PNG (a colour gradient), so that the browser and OpenCV decode it.
    private static byte[] CropPng()
    {
        using var crop = new OpenCvSharp.Mat(CropSize, CropSize, OpenCvSharp.MatType.CV_8UC3);
        for (int y = 0; y < CropSize; y++)
            for (int x = 0; x < CropSize; x++) crop.Set(y, x, new OpenCvSharp.Vec3b((byte)(x * 16), (byte)(y * 16), 128));
        return crop.ImEncode(".png");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Store.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
