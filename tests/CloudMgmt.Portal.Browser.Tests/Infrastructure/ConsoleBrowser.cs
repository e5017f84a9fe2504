using System.Collections.ObjectModel;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace CloudMgmt.Portal.Browser.Tests.Infrastructure;

/// <summary>
/// One user's browser: Debian's headless Chromium through Debian's chromedriver (paths given, so
/// Selenium never looks for or downloads a driver), its own profile, a given Accept-Language.
/// Waits are bounded polls of the page (Selenium's WebDriverWait), never sleeps.
/// </summary>
public sealed class ConsoleBrowser : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ChromeDriver _driver;
    private readonly Uri _site;

    public ConsoleBrowser(Uri site, string acceptLanguage = "en-US,en;q=0.9")
    {
        _site = site;
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--lang={acceptLanguage.Split(',')[0]}");
        options.AddUserProfilePreference("intl.accept_languages", acceptLanguage);
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
    }

    public IWebDriver Driver => _driver;

    public string Url => _driver.Url;

    public string PathAndQuery => new Uri(_driver.Url).PathAndQuery;

    public void Open(string path) => _driver.Navigate().GoToUrl(new Uri(_site, path));

    /// <summary>Signs in on the sign-in form with a token and waits for the console's layout.</summary>
    public void SignIn(string token, string path = "/")
    {
        Open(path);
        WaitFor(By.Id("token")).SendKeys(token);
        Find(By.Id("signin-submit")).Click();
        WaitFor(By.Id("signed-in-as"));
        WaitUntilInteractive();
    }

    public IWebElement Find(By by) => _driver.FindElement(by);

    public ReadOnlyCollection<IWebElement> FindAll(By by) => _driver.FindElements(by);

    /// <summary>The element once it is displayed.</summary>
    public IWebElement WaitFor(By by) => Until(d => d.FindElements(by).FirstOrDefault(e => e.Displayed), $"an element {by}");

    /// <summary>The element once its text contains <paramref name="text"/>.</summary>
    public IWebElement WaitForText(By by, string text) =>
        Until(d => d.FindElements(by).FirstOrDefault(e => e.Text.Contains(text, StringComparison.Ordinal)), $"{by} to say \"{text}\"");

    public T Until<T>(Func<IWebDriver, T?> condition, string what)
    {
        var wait = new WebDriverWait(_driver, Patience) { Message = $"waited {Patience.TotalSeconds} s for {what}" };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        try
        {
            return wait.Until(d => condition(d))!;
        }
        catch (WebDriverTimeoutException)
        {
            Screenshot("timed-out-" + string.Concat(what.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant()); // what the page showed instead
            throw;
        }
    }

    /// <summary>
    /// Blazor's circuit is connected (portal.js marks the document when it is), so clicks reach the
    /// server rather than the pre-rendered page.
    /// </summary>
    public void WaitUntilInteractive() =>
        Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return document.documentElement.dataset.interactive === 'true'") is true ? "yes" : null,
            "the page to become interactive");

    /// <summary>Types into the input inside a MudBlazor field (its id is on the wrapper or the input) and leaves it, so the change is sent.</summary>
    public void Type(string id, string text)
    {
        var input = Input(id);
        input.Clear();
        input.SendKeys(text + OpenQA.Selenium.Keys.Tab);
    }

    /// <summary>Picks the option showing <paramref name="text"/> in a MudBlazor select (its list opens in a popover).</summary>
    public void Choose(string id, string text)
    {
        // The id lands on the select's hidden input; the visible control around it is what a user clicks.
        var select = Until(d => d.FindElements(By.Id(id)).FirstOrDefault(), $"the select {id}");
        (select.Displayed ? select : select.FindElement(By.XPath("ancestor::div[contains(@class,'mud-select')][1]"))).Click();
        Until(d => d.FindElements(By.CssSelector(".mud-popover-open .mud-list-item")).FirstOrDefault(e => e.Displayed && e.Text.Trim() == text),
            $"the option \"{text}\" of {id}").Click();
        Until(d => d.FindElements(By.CssSelector(".mud-popover-open .mud-list-item")).Count == 0 ? "closed" : null, $"{id}'s list to close");
    }

    public IWebElement Input(string id)
    {
        var element = WaitFor(By.Id(id));
        return element.TagName is "input" or "textarea" ? element : element.FindElement(By.CssSelector("input,textarea"));
    }

    public object? Script(string script, params object[] args) => ((IJavaScriptExecutor)_driver).ExecuteScript(script, args);

    public Cookie? Cookie(string name) => _driver.Manage().Cookies.GetCookieNamed(name);

    /// <summary>Saves the page as a PNG under .test-results/console (the test's artefacts).</summary>
    public void Screenshot(string name)
    {
        Directory.CreateDirectory(Artefacts.Folder);
        _driver.GetScreenshot().SaveAsFile(Path.Combine(Artefacts.Folder, name + ".png"));
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
    }
}
