using System.Net;
using System.Text.Json.Nodes;

namespace CloudMgmt.Api.Tests.Auth.Matrix;

/// <summary>
/// Every endpoint the controller serves × every kind of caller × a target in its part of the tree,
/// in another tenant's place, and outside. The expected answer comes from <see cref="MatrixRules"/>
/// and the scope rules as this test states them (<see cref="MatrixWorld.Reaches"/>), not from the
/// controller's own policy: an endpoint that forgets a check, or one added without a rule, fails here.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    private enum Expected
    {
        Allowed,
        Forbidden,
        Hidden,
    }

    [Fact]
    public void ServedEndpoints_EachHasARule_AndEveryRuleIsServed()
    {
        var served = world.ServedEndpoints().Select(e => $"{e.Method} {e.Route}").ToHashSet(StringComparer.Ordinal);

        Assert.Empty(served.Where(e => !MatrixRules.All.ContainsKey(e)).Order()); // an endpoint nobody said who may call
        Assert.Empty(MatrixRules.All.Keys.Where(k => !served.Contains(k)).Order()); // a rule for an endpoint that is gone
    }

    [Fact]
    public async Task EveryEndpoint_WithoutCredentials_Is401()
    {
        var wrong = new List<string>();
        foreach (var (endpoint, rule) in MatrixRules.All)
        {
            using var request = await rule.Build(world, Target.InScope);
            using var response = await world.Anonymous.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{endpoint}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task EveryEndpoint_EveryCallerAndTarget_AnswersAsTheRulesSay()
    {
        var wrong = new List<string>();
        foreach (var (endpoint, rule) in MatrixRules.All)
        {
            foreach (var caller in MatrixWorld.Callers)
            {
                foreach (var target in rule.Aim == Aim.None ? [Target.InScope] : Enum.GetValues<Target>())
                {
                    var expected = Expect(rule, caller, target);
                    using var request = await rule.Build(world, target);
                    using var response = await world.As(caller).SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (Why(rule, world, target, expected, response, body) is { } why)
                    {
                        wrong.Add($"{endpoint} as {caller} at {target}: expected {expected}, {why}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static Expected Expect(Rule rule, string caller, Target target)
    {
        var role = caller.Split('@')[0];
        var scoped = caller.Contains("@hefei", StringComparison.Ordinal);
        var byRole = role != "metrics" && rule.Who switch // a metrics key scrapes /metrics and may call nothing here
        {
            Who.Readers => true,
            Who.Requesters => role is "operator" or "department",
            Who.Operators or Who.WholeTreeOperators => role == "operator",
            Who.WholeTreeReaders or Who.OperatorsAndViewers => role is "operator" or "viewer",
            _ => false,
        };
        if (!byRole || (scoped && rule.Who is Who.WholeTreeOperators or Who.WholeTreeReaders))
        {
            return Expected.Forbidden;
        }

        return rule.Aim == Aim.None || MatrixWorld.Reaches(caller, target) ? Expected.Allowed : Expected.Hidden;
    }

    /// <summary>What is wrong with the answer; null when it is the expected one.</summary>
    private static string? Why(Rule rule, MatrixWorld world, Target target, Expected expected, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var json = body.Length > 0 && body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[') ? JsonNode.Parse(body) : null;
        var missingReference = status == 400 && json?["field"]?.GetValue<string>() == rule.Field && body.Contains("does not exist", StringComparison.Ordinal);
        var listed = rule.Listed is { } id && MatrixWorld.Contains(json, id(world, target));
        var ok = expected switch
        {
            Expected.Forbidden => status == 403,
            Expected.Hidden => rule.Aim switch
            {
                Aim.Addressed => status == 404,
                Aim.Referenced => missingReference || (rule.Field == "tenant" && status == 400 && json?["field"]?.GetValue<string>() == "tenant"),
                _ => status == 200 && !listed,
            },
            _ => status is not (401 or 403 or 404) && !missingReference && (rule.Aim != Aim.Listed || (status == 200 && listed)),
        };
        return ok ? null : $"got {status}{(rule.Aim == Aim.Listed && status == 200 ? listed ? " listing it" : " not listing it" : "")}: {Cut(body)}";
    }

    private static string Cut(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
