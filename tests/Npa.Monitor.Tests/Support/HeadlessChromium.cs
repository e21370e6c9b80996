using Microsoft.Playwright;

namespace Npa.Monitor.Tests.Support;

/// <summary>Debian's Chromium, headless, driven by Playwright: no browser is ever downloaded (the registries here serve none).</summary>
internal static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    /// <summary>Starts Playwright with browser downloads off.</summary>
    public static Task<IPlaywright> StartPlaywrightAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        return Playwright.CreateAsync();
    }

    /// <summary>Launches the browser; a clear failure when <c>./npa setup</c> has not installed it.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        Assert.True(File.Exists(Executable), $"{Executable} is missing: run ./npa setup (installs Debian's chromium)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu"],
        });
    }
}
