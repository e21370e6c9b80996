using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npa.Monitor.Configuration;
using Npa.Monitor.HomeAssistant;
using Npa.Monitor.Mqtt;

namespace Npa.Monitor.Tests.HomeAssistant;

public sealed class HomeAssistantOptionsValidator_Tests
{
    private static ValidateOptionsResult Validate(HomeAssistantOptions options, params string[] beds)
    {
        var bedOptions = new BedsOptions();
        foreach (string bed in beds) bedOptions.Add(new BedOptions { Id = bed });
        return new HomeAssistantOptionsValidator(Options.Create(bedOptions)).Validate(null, options);
    }

    [Fact]
    public void Defaults_Are_Valid_And_Off()
    {
        var options = new HomeAssistantOptions();
        Assert.False(options.Enabled);
        Assert.True(Validate(options, "bed-1").Succeeded);
    }

    [Fact]
    public void Bad_Topics_And_Node_Id_Are_Each_Named()
    {
        var result = Validate(new HomeAssistantOptions { DiscoveryPrefix = "home#", StatusTopic = "homeassistant/+", NodeId = "a.b" });
        Assert.Equal(
        [
            "HomeAssistant:DiscoveryPrefix is 'home#'; use letters, digits, '-', '_' and inner '/' (Home Assistant's default is homeassistant)",
            "HomeAssistant:StatusTopic is 'homeassistant/+'; use letters, digits, '-', '_' and inner '/', no wildcards (Home Assistant's default is homeassistant/status)",
            "HomeAssistant:NodeId is 'a.b'; use letters, digits, '-' and '_' (leave it out for the topic prefix)",
        ], result.Failures);
    }

    [Fact]
    public void Enabled_Refuses_A_Bed_Id_That_Is_Not_An_Object_Id_But_Disabled_Does_Not_Care()
    {
        var result = Validate(new HomeAssistantOptions { Enabled = true }, "bed-1", "nicu.4");
        Assert.Equal(["HomeAssistant:Enabled is true, but bed id 'nicu.4' is not a Home Assistant object id; rename the bed to letters, digits, '-' and '_', or turn discovery off"],
            result.Failures);
        Assert.True(Validate(new HomeAssistantOptions(), "bed-1", "nicu.4").Succeeded);
    }

    [Fact]
    public void Unknown_Key_In_The_Section_Fails_At_Start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HomeAssistant:Enable"] = "true",
        }).Build();
        using var services = new ServiceCollection().AddMonitorOptions(configuration).AddMonitorMqtt(configuration)
            .AddHomeAssistantDiscovery(configuration).BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HomeAssistantOptions>>().Value);
        Assert.StartsWith("HomeAssistant:Enable: is not a known setting", Assert.Single(ex.Failures));
    }
}
