using System.Text.Json;
using Npa.Trainer.Training;

namespace Npa.Trainer.Tests.Training;

public sealed class RelabelLog_Tests
{
    [Fact]
    public void Epoch_Counts_And_Precision_Use_Known_Clean_Labels()
    {
        string path = Path.Combine(Path.GetTempPath(), $"relabel-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var log = new RelabelLog(path))
            {
                log.Write([
                    new RelabelEvent(10, 0, "a", 0, 1, 1, 0.9, 0.4),
                    new RelabelEvent(10, 1, "b", 0, 2, 1, 0.9, 0.4),
                    new RelabelEvent(10, 2, "c", 0, 3, 3, 0.9, 0.4),
                    new RelabelEvent(10, 3, "d", 0, 3, null, 0.9, 0.4),
                ]);
                var (count, precision) = log.EndEpoch();
                Assert.Equal(4, count);
                Assert.Equal(2.0 / 3, precision!.Value, 9); // 2 right of the 3 with a clean label
                Assert.Equal((0, (double?)null), log.EndEpoch());
            }
            var lines = File.ReadAllLines(path);
            Assert.Equal(4, lines.Length);
            using var doc = JsonDocument.Parse(lines[1]);
            Assert.Equal(2, doc.RootElement.GetProperty("new").GetInt32());
            Assert.False(doc.RootElement.GetProperty("correct").GetBoolean());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
