using Npa.PropertyTesting;
using Npa.Shared.Packaging;
using Xunit.Abstractions;

namespace Npa.Shared.Tests.Packaging;

/// <summary>Manifests near a valid <c>model.json</c>: every one parses or is refused with a manifest error naming the field or the line.</summary>
public sealed class ModelManifestJsonProperty_Tests(ITestOutputHelper output)
{
    [Fact]
    public void Any_Near_Valid_Manifest_Parses_Or_Is_Refused_Naming_The_Field()
    {
        string valid = ModelManifestJson.Serialize(ManifestSamples.Valid());
        var fields = JsonMutator.PropertyNames(valid);
        long refused = 0;
        long ran = PropertyRun.Check(JsonMutator.Near(valid), json =>
        {
            try
            {
                var manifest = ModelManifestJson.Deserialize(json);
                Assert.Empty(manifest.Validate());
            }
            catch (ModelManifestException ex)
            {
                refused++;
                Assert.StartsWith("model.json", ex.Message, StringComparison.Ordinal);
                Assert.True(ex.Message.Contains("the document is null", StringComparison.Ordinal) || Refusals.NameAFieldOrLine(ex.Message, JsonMutator.PropertyNames(fields, json), json), ex.Message);
            }
        }, output.WriteLine);
        output.WriteLine($"refused: {refused}");
        Assert.Equal(PropertyRun.DefaultCases, ran);
        Assert.InRange(refused, ran / 2, ran);
    }
}
