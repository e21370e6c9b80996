using Npa.Capture.Simulation.Camera;
using Npa.PropertyTesting;
using Xunit.Abstractions;

namespace Npa.Capture.Tests.Simulation;

/// <summary>Bed scripts near a valid one: every one parses or is refused with a FormatException or ArgumentException naming the field.</summary>
public sealed class BedScriptJsonProperty_Tests(ITestOutputHelper output)
{
    [Fact]
    public void Any_Near_Valid_Script_Parses_Or_Is_Refused_Naming_The_Field()
    {
        var example = BedScript.Default("bed-1", seed: 3);
        string valid = BedScriptJson.Serialize(example with { Dropouts = [new ScriptDropout(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2))] });
        var fields = JsonMutator.PropertyNames(valid);
        long refused = 0;
        long ran = PropertyRun.Check(JsonMutator.Near(valid), json =>
        {
            try
            {
                BedScriptJson.Parse(json).Validate();
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                refused++;
                Assert.True(ex.Message.Contains(" is null", StringComparison.Ordinal) || Refusals.NameAFieldOrLine(ex.Message, JsonMutator.PropertyNames(fields, json), json), ex.Message);
            }
        }, output.WriteLine);
        output.WriteLine($"refused: {refused}");
        Assert.Equal(PropertyRun.DefaultCases, ran);
        Assert.InRange(refused, ran / 3, ran);
    }

    [Theory]
    [InlineData("occlusions", "occlusion 0 is null")]
    [InlineData("dropouts", "dropout 0 is null")]
    public void Null_Element_In_A_List_Is_Named_Not_A_Crash(string list, string expected)
    {
        string json = $$"""{"bedId":"b","segments":[{"name":"rest","duration":"00:00:20","nipsFrom":0,"nipsTo":1}],"{{list}}":[null]}""";
        var ex = Assert.Throws<ArgumentException>(() => BedScriptJson.Parse(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
