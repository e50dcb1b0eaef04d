using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TrialAccess.Web.Pages;

namespace TrialAccess.Web.Hosting;

/// <summary>A page whose form errors are shown beside the fields, by field name.</summary>
public interface IFormErrors
{
    /// <summary>Errors by field (lower-case form name, as the pages key them).</summary>
    Dictionary<string, string> Errors { get; }
}

/// <summary>
/// Form values are validated like API values: a value that does not bind (<c>RecruitingOnly=yes</c>, <c>Top=ten</c>)
/// is a 400 with a message naming the field, and the handler does not run. A page that shows its errors beside the
/// fields (<see cref="IFormErrors"/>) is rendered with them; any other page is not rendered (its handler, which loads
/// what the page shows, did not run), and the error page says which field could not be read. The attempted values are
/// dropped from the model state so that no tag helper re-reads them while the page renders (the checkbox helper throws
/// on a value that is not a boolean, and its message quotes the value). A request for a handler the page does not have
/// (<c>?handler=nothing</c>, or a POST to a page without one) is a 404, not the page rendered without its data.
/// </summary>
internal sealed class FormBindingFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new NotFoundResult();
            return;
        }

        var state = context.ModelState;
        if (state.IsValid || context.HandlerInstance is not PageModel page)
        {
            return;
        }

        // Values that were sent but could not be converted; a value left out is the handler's to judge.
        var invalid = state.Where(entry => entry.Value is { Errors.Count: > 0, AttemptedValue: not null }).Select(entry => entry.Key).ToList();
        if (invalid.Count == 0)
        {
            return;
        }

        foreach (var key in invalid)
        {
            state.Remove(key);
        }

        var errors = invalid.Select(key => Describe(context, page, key)).DistinctBy(e => e.Field).ToList();
        if (page is not IFormErrors form)
        {
            ErrorModel.Explain(context.HttpContext, string.Join(" ", errors.Select(e => e.Message)));
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            return;
        }

        foreach (var (field, message) in errors)
        {
            form.Errors[field.ToLowerInvariant()] = message;
        }

        context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Result = new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    /// <summary>The field (a bound property of the page, or a parameter of the handler) and what its value must be; never the value.</summary>
    private static (string Field, string Message) Describe(PageHandlerExecutingContext context, PageModel page, string key)
    {
        var name = key.Split('.', '[')[0];
        var property = page.GetType().GetProperty(name);
        var parameter = context.HandlerMethod?.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        var field = property?.Name ?? parameter?.Name ?? name;
        var type = property?.PropertyType ?? parameter?.ParameterType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        var expected = type switch
        {
            { } t when t == typeof(bool) => "must be true or false",
            { } t when t == typeof(int) => "must be a whole number",
            { } t when t == typeof(Guid) => "must be an id",
            { } t when t == typeof(DateOnly) => "must be a date (yyyy-mm-dd)",
            { IsEnum: true } t => $"must be one of {string.Join(", ", Enum.GetNames(t))}",
            _ => "has a value that cannot be read",
        };
        return (field, $"{field} {expected}.");
    }
}
