using CloudMgmt.Application;
using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace CloudMgmt.Host.Api;

/// <summary>
/// Checks every string and time an endpoint receives (route, query and header values, and every
/// field, map key and map value of a <c>*Request</c> body) against <see cref="TextRules"/> and
/// <see cref="TimeRules"/> before the handler runs, so no endpoint can forget to. A field's length
/// limit is its <see cref="MaxLengthAttribute"/> (also shown in the OpenAPI document), else
/// <see cref="TextRules.AnyMax"/>. The plan is worked out once per endpoint, at start.
/// </summary>
internal static class InputFilter
{
    private delegate void Check(Validation v, object? value);

    public static TBuilder CheckInputs<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var checks = factory.MethodInfo.GetParameters()
                .Select((p, i) => (Index: i, Check: ForParameter(p)))
                .Where(c => c.Check is not null)
                .ToArray();
            if (checks.Length == 0)
            {
                return next;
            }

            return async context =>
            {
                var v = new Validation();
                foreach (var (index, check) in checks)
                {
                    check!(v, context.Arguments[index]);
                }

                return v.Ok ? await next(context) : Problems.From(v.Failure()!);
            };
        });

    private static Check? ForParameter(ParameterInfo p)
    {
        var name = p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.GetCustomAttribute<FromHeaderAttribute>()?.Name
            ?? p.GetCustomAttribute<FromRouteAttribute>()?.Name ?? p.Name!;
        if (ForValue(p.ParameterType, name, p.GetCustomAttribute<MaxLengthAttribute>()) is { } check)
        {
            return check;
        }

        return IsRequestBody(p.ParameterType) ? ForBody(p.ParameterType) : null;
    }

    /// <summary>A body of ours: a *Request of this host or of the application layer, whose use cases the endpoints call.</summary>
    private static bool IsRequestBody(Type type) =>
        (type.Assembly == typeof(InputFilter).Assembly || type.Assembly == typeof(Application.Caller).Assembly)
        && type.IsClass && type.Name.EndsWith("Request", StringComparison.Ordinal);

    private static Check ForBody(Type type)
    {
        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Check: ForValue(p.PropertyType, JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.GetCustomAttribute<MaxLengthAttribute>())))
            .Where(f => f.Check is not null)
            .ToArray();
        return (v, body) =>
        {
            if (body is null)
            {
                return;
            }

            foreach (var (property, check) in fields)
            {
                check!(v, property.GetValue(body));
            }
        };
    }

    private static Check? ForValue(Type type, string field, MaxLengthAttribute? max)
    {
        var limit = max?.Length ?? TextRules.AnyMax;
        if (type == typeof(string))
        {
            return (v, value) => v.Text(field, value as string, limit);
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            return (v, value) => v.Time(field, value as DateTimeOffset?);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
        {
            var stringValues = type.GetGenericArguments()[1] == typeof(string);
            return (v, value) =>
            {
                foreach (DictionaryEntry entry in (IDictionary?)value ?? new Hashtable())
                {
                    var key = (string)entry.Key;
                    v.Text(field, key, TextRules.AnyMax, what: "keys");
                    if (stringValues)
                    {
                        v.Text($"{field}.{TextRules.Echo(key)}", entry.Value as string, TextRules.AnyMax);
                    }
                }
            };
        }

        return null;
    }
}
