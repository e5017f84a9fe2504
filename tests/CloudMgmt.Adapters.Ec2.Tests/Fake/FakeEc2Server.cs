using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudMgmt.Adapters.Ec2.Tests.Fake;

/// <summary>
/// An EC2 endpoint in the test process: Kestrel on a free loopback port, speaking the EC2 Query
/// protocol (POST of form-encoded Action=...&amp;Version=2016-11-15, XML answers in the 2016-11-15
/// namespace, EC2 error bodies and statuses). It checks the access key id of the SigV4
/// Authorization header (not the signature) and answers AuthFailure for any other key.
/// </summary>
public sealed partial class FakeEc2Server : IAsyncDisposable
{
    public const string ApiVersion = "2016-11-15";

    private readonly WebApplication _app;
    private readonly FakeEc2Handlers _handlers;

    private FakeEc2Server(WebApplication app, FakeEc2State state)
    {
        _app = app;
        State = state;
        _handlers = new FakeEc2Handlers(state);
    }

    public FakeEc2State State { get; }

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeEc2Server> StartAsync(string accessKeyId = "AKIAFAKEEC2TESTKEY01", string secret = "fake/secret+key/for/tests/only/0123456789")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeEc2Server(app, new FakeEc2State(accessKeyId, secret));
        app.MapPost("/", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        if (State.AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(State.AnswerDelay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var form = await context.Request.ReadFormAsync();
        var q = new QueryParameters(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
        var accessKey = AccessKeyOf(context.Request.Headers.Authorization.ToString());
        var action = q.Get("Action") ?? "";
        int status;
        XElement body;
        lock (State.Gate)
        {
            State.Calls.Add(new FakeCall(action, q.All, accessKey ?? ""));
            try
            {
                Check(q, accessKey);
                body = _handlers.Handle(action, q, requestId);
                status = 200;
            }
            catch (FakeEc2Error e)
            {
                (status, body) = (e.Status, Ec2Xml.Error(e.Code, e.Message, requestId));
            }
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=UTF-8";
        await context.Response.WriteAsync(body.ToString(SaveOptions.DisableFormatting));
    }

    private void Check(QueryParameters q, string? accessKey)
    {
        if (State.Outage)
        {
            throw new FakeEc2Error(503, "Unavailable", "The server is overloaded or is not accepting requests.");
        }

        if (State.ThrottleNext > 0)
        {
            State.ThrottleNext--;
            throw new FakeEc2Error(503, "RequestLimitExceeded", "Request limit exceeded.");
        }

        if (accessKey != State.AccessKeyId)
        {
            // Some EC2-compatible clouds quote the key they could not validate: the adapter must not pass it on.
            throw new FakeEc2Error(401, "AuthFailure", $"AWS was not able to validate the provided access credentials (key {accessKey}).");
        }

        if (q.Get("Version") != ApiVersion)
        {
            throw new FakeEc2Error(400, "InvalidParameterValue", $"The API version '{q.Get("Version")}' is not supported here.");
        }
    }

    private static string? AccessKeyOf(string authorization) =>
        CredentialPattern().Match(authorization) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"Credential=([^/,\s]+)/")]
    private static partial Regex CredentialPattern();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
