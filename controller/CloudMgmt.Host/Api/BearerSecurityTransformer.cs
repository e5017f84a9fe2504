using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CloudMgmt.Host.Api;

/// <summary>Declares bearer API keys in the OpenAPI document, so the docs page can send them.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CloudMgmt API";
        document.Info.Description = "Quota pools, tenants and allocations across a province's clouds. Authenticate with 'Authorization: Bearer {API key}', " +
            "or with a token from the province's identity provider when OpenID Connect is configured (Authorize button). Every change and refusal is in /api/v1/audit.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (the operator token from {data-dir}/admin-token, or one made with POST /api/v1/keys), or an OpenID Connect access token (JWT).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
