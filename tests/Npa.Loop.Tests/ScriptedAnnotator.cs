using System.Globalization;
using Npa.Capture.Simulation.Camera;

namespace Npa.Loop.Tests;

/// <summary>
/// Fills a <c>flags export</c> manifest the way an annotator would, but from the simulated camera's ground truth:
/// each row's <c>label</c> becomes the scripted NIPS of the frame with that bed and capture time.
/// </summary>
internal static class ScriptedAnnotator
{
    public static int Label(string manifest, IReadOnlyCollection<FrameGroundTruth> truth, string annotator)
    {
        var byFrame = truth.GroupBy(t => (t.BedId, t.Timestamp.ToUnixTimeMilliseconds())).ToDictionary(g => g.Key, g => g.First().Nips);
        var lines = File.ReadAllLines(manifest);
        // The export's cells here hold no commas or quotes (ids, bed names, ISO times, '|'-joined reasons).
        Assert.DoesNotContain(lines, l => l.Contains('"', StringComparison.Ordinal));
        var header = lines[0].Split(',');
        int label = Array.IndexOf(header, "label"), bed = Array.IndexOf(header, "bed"), time = Array.IndexOf(header, "time"), who = Array.IndexOf(header, "annotator");
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            long ms = DateTimeOffset.Parse(cells[time], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            Assert.True(byFrame.TryGetValue((cells[bed], ms), out int nips), $"no ground truth for {cells[bed]} at {cells[time]}");
            cells[label] = nips.ToString(CultureInfo.InvariantCulture);
            cells[who] = annotator;
            lines[i] = string.Join(',', cells);
        }
        File.WriteAllLines(manifest, lines);
        return lines.Length - 1;
    }

    /// <summary>A copy of <paramref name="manifest"/> beside it whose labels are permuted (seeded): a deliberately worse label file.</summary>
    public static string Shuffled(string manifest, string name, int seed)
    {
        var lines = File.ReadAllLines(manifest);
        int label = Array.IndexOf(lines[0].Split(','), "label");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var labels = rows.Select(r => r[label]).ToArray();
        var random = new Random(seed);
        // Labels permuted across rows: the class counts stay, the link between image and label is gone.
        random.Shuffle(labels);
        for (int i = 0; i < rows.Count; i++) rows[i][label] = labels[i];
        string path = Path.Combine(Path.GetDirectoryName(manifest)!, name);
        File.WriteAllLines(path, [lines[0], .. rows.Select(r => string.Join(',', r))]);
        return path;
    }
}
