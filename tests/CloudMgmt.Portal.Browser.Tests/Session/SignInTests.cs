using System.Net;
using CloudMgmt.Portal.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace CloudMgmt.Portal.Browser.Tests.Session;

/// <summary>Signing in with an API key, the session cookie, signing out and coming back where one was going.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleHost host)
{
    private const string SessionCookie = "__Host-cloudmgmt-console";

    [Fact]
    public void SignIn_DepartmentKey_ActsAsThatPrincipalBehindAStrictHttpOnlyCookie()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.Open("/signin");
        browser.Screenshot("signin-en");

        browser.SignIn(host.ClinicKey);

        var who = browser.Find(By.Id("signed-in-as")).Text;
        Assert.Contains("clinic-clerk", who);
        Assert.Contains("department", who);
        var cookie = browser.Cookie(SessionCookie);
        Assert.NotNull(cookie);
        Assert.True(cookie.IsHttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal("Strict", cookie.SameSite);
        Assert.DoesNotContain(host.ClinicKey, cookie.Value);
        Assert.Null(browser.Script("return document.cookie.includes('cloudmgmt-console') ? 'visible' : null")); // not readable by scripts
        browser.Screenshot("overview-department-en");
    }

    [Fact]
    public void SignIn_UnknownToken_SaysSoAndOpensNoSession()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.Open("/signin");
        browser.WaitFor(By.Id("token")).SendKeys("cmk_not-a-key-of-this-controller");
        browser.Find(By.Id("signin-submit")).Click();

        browser.WaitForText(By.Id("signin-error"), "not an API key");
        Assert.Null(browser.Cookie(SessionCookie));
        Assert.Empty(browser.FindAll(By.Id("signed-in-as")));
    }

    [Fact]
    public void Page_WithoutSession_GoesToSignInAndComesBackAfter()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.Open("/request");

        browser.WaitFor(By.Id("token"));
        Assert.StartsWith("/signin?returnUrl=%2Frequest", browser.PathAndQuery);
        browser.Find(By.Id("token")).SendKeys(host.ClinicKey);
        browser.Find(By.Id("signin-submit")).Click();

        browser.WaitFor(By.Id("request-submit"));
        Assert.Equal("/request", browser.PathAndQuery);
    }

    [Fact]
    public void SignIn_ReturnUrlToAnotherSite_StaysOnThisSite()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.Open("/signin?returnUrl=%2F%2Fevil.example%2F");
        browser.WaitFor(By.Id("token")).SendKeys(host.ClinicKey);
        browser.Find(By.Id("signin-submit")).Click();

        browser.WaitFor(By.Id("signed-in-as"));
        Assert.Equal(host.BaseAddress.Authority, new Uri(browser.Url).Authority);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_ACopiedCookieNoLongerWorks()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.ClinicKey);
        var copied = browser.Cookie(SessionCookie)!.Value;
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(copied)); // the copy works while the session stands

        browser.Find(By.Id("sign-out")).Click();

        browser.WaitFor(By.Id("signin-ended"));
        Assert.Null(browser.Cookie(SessionCookie));
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(copied));
        browser.Open("/request");
        browser.WaitFor(By.Id("token"));
    }

    [Fact]
    public async Task SignOut_CrossSiteFormWithoutAntiforgeryToken_RefusedAndTheSessionStands()
    {
        using var browser = new ConsoleBrowser(host.BaseAddress);
        browser.SignIn(host.ClinicKey);
        var session = browser.Cookie(SessionCookie)!.Value;
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Cookie", $"{SessionCookie}={session}");
        forged.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(session));
    }

    [Fact]
    public async Task SignIn_FormPostedWithoutAntiforgeryToken_OpensNoSession()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        using var response = await client.PostAsync("/signin", new FormUrlEncodedContent(
            [new("_handler", "signin"), new("Input.Token", host.ClinicKey)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(SessionCookie, StringComparison.Ordinal));
    }

    /// <summary>A page asked for with the given session cookie, as another client would send it.</summary>
    private async Task<HttpStatusCode> StatusWithCookieAsync(string cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/request");
        request.Headers.Add("Cookie", $"{SessionCookie}={cookie}");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
