using Microsoft.Extensions.Configuration;
using Npa.Monitor.Configuration;
using Npa.Shared.Nips;

namespace Npa.Monitor.Tests.Configuration;

/// <summary>The shipped config and the code's defaults say the same thing, and both follow the NIPS bands.</summary>
public class AlertsDefaults_Tests
{
    [Fact]
    public void Shipped_Alerts_Section_Equals_The_Code_Defaults()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(MonitorOptions_Tests.RepoRoot(), "configs", "monitor.json")).Build();
        var shipped = new AlertsOptions();
        config.GetSection(AlertsOptions.Section).Bind(shipped);
        var defaults = new AlertsOptions();

        foreach (var property in typeof(AlertsOptions).GetProperties())
            Assert.True(Equals(property.GetValue(defaults), property.GetValue(shipped)), $"Alerts:{property.Name} is {property.GetValue(shipped)} in configs/monitor.json but {property.GetValue(defaults)} in AlertsOptions");
    }

    [Fact]
    public void Default_Thresholds_Sit_On_The_Band_Edges_With_Hysteresis()
    {
        var defaults = new AlertsOptions();

        Assert.Equal(NipsScale.MildThreshold, defaults.StartScore);
        Assert.Equal(NipsCategory.NoPain, NipsScale.CategoryOf(defaults.EndScore));
        Assert.True(defaults.EndScore < defaults.StartScore);
    }
}
