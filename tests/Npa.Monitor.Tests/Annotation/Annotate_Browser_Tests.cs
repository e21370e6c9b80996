using Microsoft.Playwright;
using Npa.Monitor.Tests.Support;

namespace Npa.Monitor.Tests.Annotation;

/// <summary>The annotator page in headless Debian Chromium (Playwright; no browser is downloaded).</summary>
public class Annotate_Browser_Tests
{
    [Fact]
    public async Task Log_In_Label_Three_Frames_By_Keyboard_And_See_The_Audit_Rows()
    {
        await using var fixture = await AnnotateFixture.StartAsync(requiredAnnotators: 2);
        using var playwright = await HeadlessChromium.StartPlaywrightAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(fixture.BaseUri.ToString());
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await page.FillAsync("#annotator", "ann");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#login button");
        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("wrong password");

        await page.FillAsync("#password", AnnotateFixture.AnnPassword);
        await page.ClickAsync("#login button");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("logged in as ann");
        await Assertions.Expect(page.Locator("#progress")).ToHaveTextAsync("frame 1 of 3");
        await Assertions.Expect(page.Locator("#bed")).ToHaveTextAsync("bed-1");
        await Assertions.Expect(page.Locator("#band")).ToHaveTextAsync("mild moderate");
        await Assertions.Expect(page.Locator("#alpha")).ToHaveTextAsync("0.400 · 0.600 = 0.240");
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('crop').complete && document.getElementById('crop').naturalWidth === 16"));

        await Assertions.Expect(page.Locator("#cam")).ToContainTextAsync("No CAM");
        await Assertions.Expect(page.Locator("figure.cam").First).ToBeHiddenAsync();

        await page.Keyboard.PressAsync("4");
        await Assertions.Expect(page.Locator("#progress")).ToHaveTextAsync("frame 2 of 3");
        await page.Keyboard.PressAsync("s");
        await Assertions.Expect(page.Locator("#progress")).ToHaveTextAsync("frame 3 of 3");
        await page.Keyboard.PressAsync("c");
        await Assertions.Expect(page.Locator("#done")).ToBeVisibleAsync();

        // The skipped frame is back at the next visit; it is the only one left.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#progress")).ToHaveTextAsync("frame 1 of 1");
        await Assertions.Expect(page.Locator("#bed")).ToHaveTextAsync("bed-2");
        await page.Keyboard.PressAsync("7");
        await page.Keyboard.PressAsync("s"); // nothing left: the key does nothing
        await Assertions.Expect(page.Locator("#done")).ToBeVisibleAsync();

        var rows = page.Locator("#audit tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        // Newest first: 7 for bed-2's frame, "cannot tell" for the third, 4 for the first; all by ann, none replacing an answer.
        await Assertions.Expect(rows.Nth(0).Locator("td").Nth(5)).ToHaveTextAsync("7");
        await Assertions.Expect(rows.Nth(1).Locator("td").Nth(5)).ToHaveTextAsync("cannot_tell");
        await Assertions.Expect(rows.Nth(2).Locator("td").Nth(5)).ToHaveTextAsync("4");
        for (int i = 0; i < 3; i++)
        {
            await Assertions.Expect(rows.Nth(i).Locator("td").Nth(2)).ToHaveTextAsync("ann");
            await Assertions.Expect(rows.Nth(i).Locator("td").Nth(4)).ToHaveTextAsync("–");
        }
        Assert.Equal(fixture.Frames[1].Id, await rows.Nth(0).GetAttributeAsync("data-frame"));
        Assert.Equal(fixture.Frames[2].Id, await rows.Nth(1).GetAttributeAsync("data-frame"));
        Assert.Equal(fixture.Frames[0].Id, await rows.Nth(2).GetAttributeAsync("data-frame"));
        // Double annotation: one annotator's level is not yet a label.
        Assert.All(fixture.Store.List(), f => Assert.Null(f.AnnotatorLabel));

        // A second annotator agrees on the first frame: κ appears and the label is applied.
        var bob = await browser.NewPageAsync();
        await bob.GotoAsync(fixture.BaseUri.ToString());
        await bob.FillAsync("#annotator", "bob");
        await bob.FillAsync("#password", AnnotateFixture.BobPassword);
        await bob.ClickAsync("#login button");
        await Assertions.Expect(bob.Locator("#progress")).ToHaveTextAsync("frame 1 of 3");
        await bob.Keyboard.PressAsync("4");
        await Assertions.Expect(bob.Locator("#progress")).ToHaveTextAsync("frame 2 of 3");
        await Assertions.Expect(bob.Locator("#audit tbody tr").First.Locator("td").Nth(6)).ToHaveTextAsync("4");
        await bob.Keyboard.PressAsync("6");
        await Assertions.Expect(bob.Locator("#progress")).ToHaveTextAsync("frame 3 of 3");
        await Assertions.Expect(bob.Locator("#agreement tbody tr td").Nth(0)).ToHaveTextAsync("ann · bob");
        await Assertions.Expect(bob.Locator("#agreement tbody tr td").Nth(1)).ToHaveTextAsync("2");
        await Assertions.Expect(bob.Locator("#agreement tbody tr td").Nth(2)).ToHaveTextAsync("1");
        // ann 4,7 / bob 4,6 on the two frames both scored: p_o = 1/2, p_e = 1/4, κ = 1/3.
        await Assertions.Expect(bob.Locator("#agreement tbody tr td").Nth(3)).ToHaveTextAsync("0.333");
        Assert.Equal((int?)4, fixture.Store.Find(fixture.Frames[0].Id)!.AnnotatorLabel);
        Assert.Empty(errors);
    }
}
