using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudMgmt.Client.Tests.Infrastructure;

namespace CloudMgmt.Client.Tests.Contract;

/// <summary>
/// The client and the API the controller serves must agree: every operation in the served OpenAPI document
/// has a client route (or is named below as left out, with why), every route exists, with the same path,
/// query and header parameters of the same types, and the same request and (where documented) response
/// schemas, field by field. A change on either side fails here first.
/// </summary>
public sealed class ContractTests(ControllerFixture fixture) : IClassFixture<ControllerFixture>
{
    /// <summary>Operations the client leaves out on purpose, with why.</summary>
    private static readonly Dictionary<string, string> LeftOut = new(StringComparer.Ordinal);

    [Fact]
    public async Task ServedDocument_EveryOperation_HasAClientRoute()
    {
        var document = await DocumentAsync();
        var routes = ClientRoute.All().Select(r => r.Key).ToHashSet();
        var missing = document.Operations().Select(o => o.Key).Where(k => !routes.Contains(k) && !LeftOut.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "operations with no client route: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task ClientRoutes_EachOne_IsAnOperationOfTheServedDocument()
    {
        var operations = (await DocumentAsync()).Operations().Select(o => o.Key).ToHashSet();
        var unknown = ClientRoute.All().Where(r => !operations.Contains(r.Key)).Select(r => $"{r.Method.Name}: {r.Key}").ToList();
        Assert.True(unknown.Count == 0, "client routes the server does not serve: " + string.Join(", ", unknown));
        Assert.True(LeftOut.Keys.All(operations.Contains), "a route listed as left out is no longer served");
    }

    [Fact]
    public async Task ClientRoutes_Parameters_MatchTheDocumentsByNamePlaceAndType()
    {
        var document = await DocumentAsync();
        var differences = new List<string>();
        foreach (var operation in document.Operations().Where(o => !LeftOut.ContainsKey(o.Key)))
        {
            var routes = ClientRoute.All().Where(r => r.Key == operation.Key).ToList();
            var mine = routes.SelectMany(r => r.Parameters).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
            foreach (var name in operation.Parameters.Keys.Union(mine.Keys))
            {
                if (!operation.Parameters.TryGetValue(name, out var theirs))
                {
                    differences.Add($"{operation.Key}: the client sends {name}, the document has no such parameter");
                }
                else if (!mine.TryGetValue(name, out var ours))
                {
                    differences.Add($"{operation.Key}: the document has {theirs.In} parameter {name}, the client never sends it");
                }
                else if (ours.In != theirs.In)
                {
                    differences.Add($"{operation.Key}: {name} is a {theirs.In} parameter in the document, {ours.In} in the client");
                }
                else if (theirs.Schema is not null)
                {
                    var comparer = new SchemaComparer(document);
                    comparer.Compare($"{operation.Key} ?{name}", ours.Type, theirs.Schema, response: false);
                    differences.AddRange(comparer.Differences);
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public async Task ClientBodies_RequestAndResponseSchemas_MatchTheDocumentFieldByField()
    {
        var document = await DocumentAsync();
        var comparer = new SchemaComparer(document);
        foreach (var operation in document.Operations())
        {
            foreach (var route in ClientRoute.All().Where(r => r.Key == operation.Key))
            {
                if ((operation.RequestSchema is null) != (route.Body is null))
                {
                    comparer.Differences.Add($"{operation.Key}: a body in the {(route.Body is null ? "document" : "client")} only");
                }
                else if (route.Body is not null)
                {
                    comparer.Compare($"{route.Method.Name}(body)", route.Body.ParameterType, operation.RequestSchema!, response: false);
                    if (!operation.RequestTypes.Contains(route.BodyType))
                    {
                        comparer.Differences.Add($"{operation.Key}: the client sends {route.BodyType}, the server takes {string.Join(", ", operation.RequestTypes)}");
                    }
                }

                if (operation.ResponseSchema is not null && route.Result is not null && route.Result != typeof(string))
                {
                    comparer.Compare($"{route.Method.Name}(response)", route.Result, operation.ResponseSchema, response: true);
                }
            }
        }

        Assert.True(comparer.Differences.Count == 0, string.Join("\n", comparer.Differences));
    }

    private async Task<OpenApiDocument> DocumentAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.Controller.BaseAddress };
        return new OpenApiDocument((await http.GetFromJsonAsync<JsonNode>("/openapi/v1.json"))!);
    }
}
