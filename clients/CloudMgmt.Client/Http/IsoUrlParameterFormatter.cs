using System.Globalization;
using System.Reflection;
using Refit;

namespace CloudMgmt.Client.Http;

/// <summary>Times in query strings as ISO 8601 round-trip text, which the API parses; Refit's default would use ToString().</summary>
internal sealed class IsoUrlParameterFormatter : DefaultUrlParameterFormatter
{
    public static readonly IsoUrlParameterFormatter Instance = new();

    public override string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) => value switch
    {
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("O", CultureInfo.InvariantCulture),
        _ => base.Format(value, attributeProvider, type),
    };
}
