using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmartBranch.Api.Tests.Features.ConsoleLogin;

/// <summary>A PC browser: a client with a cookie jar that follows no redirects, and the CSRF token of the last console page.</summary>
public sealed class ConsoleBrowser(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public string? CsrfToken { get; private set; }

    /// <summary>Opens a console page and keeps its CSRF token (from <c>meta name="csrf-token"</c>).</summary>
    public async Task<HttpResponseMessage> OpenAsync(string path)
    {
        var response = await Client.GetAsync(path);
        if (response.IsSuccessStatusCode)
        {
            var html = await response.Content.ReadAsStringAsync();
            var match = Regex.Match(html, "<meta name=\"csrf-token\" content=\"([^\"]+)\"");
            CsrfToken = match.Success ? match.Groups[1].Value : CsrfToken;
        }

        return response;
    }

    /// <summary>A write the way the console's script sends it: with the CSRF header (unless <paramref name="withCsrf"/> is false).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool withCsrf = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (withCsrf && CsrfToken is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", CsrfToken);
        }

        return Client.SendAsync(request);
    }
}

/// <summary>Scan-to-login the way a PC and a phone do it, over HTTP.</summary>
public static class ConsoleClients
{
    /// <summary>A fresh browser with no cookies.</summary>
    public static ConsoleBrowser NewBrowser(this AppFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>The browser asks for a ticket; returns its scene.</summary>
    public static async Task<string> ShowTicketAsync(this ConsoleBrowser browser)
    {
        var response = await browser.Client.PostAsync("/api/console-login/tickets", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("ticket").GetString()!;
    }

    /// <summary>The state the login page would see when polling.</summary>
    public static async Task<string> PollAsync(this ConsoleBrowser browser, string ticket)
    {
        var response = await browser.Client.GetAsync($"/api/console-login/tickets/{ticket}/status");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString()!;
    }

    /// <summary>A new browser signed in to the console as the member of <paramref name="devCode"/> (scanned and confirmed on their phone).</summary>
    public static async Task<ConsoleBrowser> SignInToConsoleAsync(this AppFactory factory, string devCode)
    {
        var browser = factory.NewBrowser();
        var ticket = await browser.ShowTicketAsync();
        var phone = await factory.SignInAsync(devCode);
        var confirm = await phone.PostAsync($"/api/console-login/tickets/{ticket}/confirm", null);
        Assert.That(confirm.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await confirm.Content.ReadAsStringAsync());
        Assert.That(await browser.PollAsync(ticket), Is.EqualTo("signedIn"));
        var home = await browser.OpenAsync("/console");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return browser;
    }

    public static Task<ConsoleBrowser> SignInToConsoleAsync(this AppFactory factory, SeededMember member) => factory.SignInToConsoleAsync(member.DevCode);
}
