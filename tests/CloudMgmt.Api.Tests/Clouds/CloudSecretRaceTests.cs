using System.Net;
using System.Text.Json.Nodes;
using CloudMgmt.Api.Tests.Infrastructure;

namespace CloudMgmt.Api.Tests.Clouds;

/// <summary>
/// One secret, one cloud, however requests race: registrations and changes that name the same
/// secret at the same moment (spelled alike or not) end with exactly one cloud holding it and the
/// others refused, so the secret is never sent to two endpoints; and a refused or lost request
/// leaves nothing behind that would block the secret later. Each round sends its requests at once;
/// several rounds, since a race lost once proves nothing.
/// </summary>
public sealed class CloudSecretRaceTests : IDisposable
{
    private const int Rounds = 6;
    private const int Contenders = 3;
    private readonly ControllerFactory _factory = new();

    public CloudSecretRaceTests()
    {
        Directory.CreateDirectory(Credentials);
    }

    public void Dispose() => _factory.Dispose();

    private string Credentials => Path.Combine(_factory.DataDir, "credentials");

    /// <summary>A kubeconfig in the credentials directory (pointing at a closed port: registration calls no cloud).</summary>
    private string Secret(string name)
    {
        File.WriteAllText(Path.Combine(Credentials, name), TestKubeconfigs.ClosedPort);
        return name;
    }

    private static object Cloud(string id, string reference, string endpoint) =>
        new { id, kind = "kubernetes", region = "anhui", credentialsRef = reference, endpoint };

    private async Task<List<JsonNode>> CloudsAsync(HttpClient op) =>
        [.. (await op.GetAsync("/api/v1/clouds").Expect(HttpStatusCode.OK)).AsArray().Select(c => c!)];

    [Fact]
    public async Task Register_CloudsRacingForOneSecret_ExactlyOneStored_TheOthersRefusedNamingIt()
    {
        var op = _factory.Operator();
        for (var round = 0; round < Rounds; round++)
        {
            var name = Secret($"race-{round}.kubeconfig");
            // The same file spelled two ways: the rule is about the secret, not the text of the reference.
            var calls = Enumerable.Range(0, Contenders).Select(i => op.Post("/api/v1/clouds",
                Cloud($"r{round}-c{i}", i % 2 == 0 ? $"file:{name}" : $"file:{Credentials}/{name}", $"https://collector-{i}.example")));

            var answers = await Task.WhenAll(calls);

            var statuses = answers.Select(a => a.StatusCode).ToList();
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
            Assert.Equal(Contenders - 1, statuses.Count(s => s == HttpStatusCode.BadRequest));
            foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.BadRequest))
            {
                var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
                Assert.Contains("names the same secret as cloud", problem["errors"]!["credentialsRef"]![0]!.GetValue<string>(), StringComparison.Ordinal);
            }

            var holders = (await CloudsAsync(op)).Where(c => c["id"]!.GetValue<string>().StartsWith($"r{round}-", StringComparison.Ordinal)).ToList();
            Assert.Single(holders); // stored once: the token goes to one endpoint only
        }
    }

    [Fact]
    public async Task Register_OneIdRacingWithTwoSecrets_OneStored_AndTheLosersSecretStaysFree()
    {
        var op = _factory.Operator();
        for (var round = 0; round < Rounds; round++)
        {
            var (first, second) = (Secret($"id-{round}-a.kubeconfig"), Secret($"id-{round}-b.kubeconfig"));

            var answers = await Task.WhenAll(
                op.Post("/api/v1/clouds", Cloud($"same-{round}", $"file:{first}", "https://one.example")),
                op.Post("/api/v1/clouds", Cloud($"same-{round}", $"file:{second}", "https://two.example")));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            var stored = (await op.GetAsync($"/api/v1/clouds/same-{round}").Expect(HttpStatusCode.OK))["credentialsRef"]!.GetValue<string>();
            var (held, free) = stored == $"file:{first}" ? (first, second) : (second, first);
            // The losing request's secret is nobody's: another cloud may take it; the winner's stays taken.
            await op.Post("/api/v1/clouds", Cloud($"later-{round}", $"file:{free}", "https://three.example")).Expect(HttpStatusCode.Created);
            await op.Post("/api/v1/clouds", Cloud($"thief-{round}", $"file:{held}", "https://four.example")).ExpectProblem(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Update_ChangeRacingARegistrationForOneSecret_ExactlyOneHoldsIt_AndTheOldSecretIsFreed()
    {
        var op = _factory.Operator();
        for (var round = 0; round < Rounds; round++)
        {
            var (old, contested) = (Secret($"upd-{round}-old.kubeconfig"), Secret($"upd-{round}-new.kubeconfig"));
            await op.Post("/api/v1/clouds", Cloud($"owner-{round}", $"file:{old}", "https://owner.example")).Expect(HttpStatusCode.Created);

            var answers = await Task.WhenAll(
                op.Patch($"/api/v1/clouds/owner-{round}", new { credentialsRef = $"file:{contested}" }),
                op.Post("/api/v1/clouds", Cloud($"newcomer-{round}", $"file:{contested}", "https://newcomer.example")));

            var (changed, registered) = (answers[0].StatusCode == HttpStatusCode.OK, answers[1].StatusCode == HttpStatusCode.Created);
            Assert.True(changed ^ registered, $"change {answers[0].StatusCode}, registration {answers[1].StatusCode}: exactly one may hold the secret");
            var holders = (await CloudsAsync(op)).Count(c => c["credentialsRef"]?.GetValue<string>() == $"file:{contested}");
            Assert.Equal(1, holders);
            // Whoever lost, the first secret is free exactly when the owner moved off it.
            var reuse = await op.Post("/api/v1/clouds", Cloud($"reuse-{round}", $"file:{old}", "https://reuse.example"));
            Assert.Equal(changed ? HttpStatusCode.Created : HttpStatusCode.BadRequest, reuse.StatusCode);
        }
    }
}
