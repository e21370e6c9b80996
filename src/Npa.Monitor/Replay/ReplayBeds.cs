using Npa.Capture.Simulation.Camera;
using Npa.Capture.Sources;
using Npa.Monitor.Configuration;
using Npa.Monitor.Pipeline;

namespace Npa.Monitor.Replay;

/// <summary>Decides a replay's beds: the given scripts, generated timelines (written beside the report), or the config's own beds.</summary>
public static class ReplayBeds
{
    /// <summary>
    /// The beds and how long to replay them. Simulated cameras run at <see cref="ReplaySettings.CameraFps"/>, else at each
    /// bed's assessment rate (<paramref name="assessmentRateHz"/> where the bed sets none): the latest-frame sampler
    /// would skip any faster frames, and rendering them is most of a replay's cost.
    /// </summary>
    public static (IReadOnlyList<ReplayBed> Beds, TimeSpan Duration) Resolve(ReplaySettings settings, BedsOptions configured, double assessmentRateHz)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configured);
        List<ReplayBed> beds;
        if (settings.RandomHours is { } hours)
        {
            string folder = Path.Combine(settings.OutDir, "scripts");
            Directory.CreateDirectory(folder);
            var scripts = ClinicalTimelineGenerator.Generate(new ClinicalTimelineOptions { Duration = TimeSpan.FromHours(hours), Beds = settings.RandomBeds, Seed = settings.Seed });
            beds = scripts.Select(s => FromScript(s, Write(s, folder))).ToList();
        }
        else if (settings.Scripts.Count > 0)
        {
            beds = settings.Scripts.Select(path => FromScript(BedScriptJson.Load(path), Path.GetFullPath(path))).ToList();
        }
        else
        {
            beds = configured.Where(b => b.Enabled).Select(b => b.CameraForBed().Kind == CameraKind.Simulated
                ? new ReplayBed(b, CaptureFrontEndFactory.ScriptFor(b))
                : throw new ArgumentException($"bed {b.Id}: replay needs simulated cameras (its camera is {b.DescribeCamera()}); give --script or --random-hours")).ToList();
        }
        beds = beds.Select(b => b with { Options = WithFps(b.Options, settings.CameraFps ?? b.Options.AssessmentRateHz ?? assessmentRateHz) }).ToList();
        var duplicate = beds.GroupBy(b => b.Options.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two scripts are for bed '{duplicate.Key}'; give each script its own bedId");
        bool loops = beds.Any(b => b.Script.Loop);
        TimeSpan duration = settings.Minutes is { } m ? TimeSpan.FromMinutes(m)
            : loops ? TimeSpan.FromMinutes(5)
            : beds.Max(b => b.Script.Duration);
        return (beds, duration);
    }

    private static BedOptions WithFps(BedOptions bed, double fps) => new()
    {
        Id = bed.Id, Enabled = bed.Enabled, Camera = bed.Camera with { Fps = fps }, Script = bed.Script, Seed = bed.Seed,
        AssessmentRateHz = bed.AssessmentRateHz, Detector = bed.Detector,
    };

    private static ReplayBed FromScript(BedScript script, string path) => new(
        new BedOptions { Id = script.BedId, Camera = new CameraOptions { Kind = CameraKind.Simulated }, Script = path, Seed = script.Seed },
        script);

    private static string Write(BedScript script, string folder)
    {
        string path = Path.GetFullPath(Path.Combine(folder, script.BedId + ".json"));
        File.WriteAllText(path, BedScriptJson.Serialize(script));
        return path;
    }
}
