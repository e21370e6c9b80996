using Npa.Shared.Messages;

namespace Npa.Shared.Tests.Messages;

public sealed class MonitorInstanceId_Tests
{
    [Theory]
    [InlineData("nicu-bedside-07", "nicu-bedside-07")]
    [InlineData("NICU-Bedside-07", "nicu-bedside-07")]
    [InlineData("ward3.hospital.local", "ward3-hospital-local")]
    [InlineData("-odd name-", "odd-name")]
    [InlineData("", "monitor")]
    [InlineData("...", "monitor")]
    public void Host_Name_Gives_A_Topic_Safe_Default(string host, string expected)
    {
        string id = MonitorInstanceId.FromHostName(host);
        Assert.Equal(expected, id);
        Assert.True(MonitorInstanceId.IsValid(id));
    }

    [Fact]
    public void Long_Host_Name_Is_Cut_To_The_Maximum_Length()
    {
        string id = MonitorInstanceId.FromHostName(new string('a', 60) + ".b" + new string('c', 30));
        Assert.True(id.Length <= MonitorInstanceId.MaxLength);
        Assert.True(MonitorInstanceId.IsValid(id));
        Assert.StartsWith(new string('a', 60), id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b", false)]
    [InlineData("a+b", false)]
    [InlineData("a#", false)]
    [InlineData("é", false)]
    [InlineData("Ward_3-A", true)]
    public void Only_Letters_Digits_Dash_And_Underscore_Are_Valid(string id, bool valid) =>
        Assert.Equal(valid, MonitorInstanceId.IsValid(id));
}
