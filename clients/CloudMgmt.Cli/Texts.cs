using CloudMgmt.Cli.Output;

namespace CloudMgmt.Cli;

/// <summary>
/// The messages cmctl writes itself, in English and Chinese (chosen by <see cref="Terminal.Chinese"/>).
/// Help texts are English; the server's problem titles and details are printed as the server wrote them.
/// </summary>
internal static class Texts
{
    public static string Error(Terminal t) => t.Chinese ? "错误" : "Error";

    public static string Field(Terminal t) => t.Chinese ? "字段" : "field";

    public static string Shortfalls(Terminal t) => t.Chinese ? "缺口" : "shortfalls";

    public static string CannotHold(Terminal t) => t.Chinese ? "无法容纳" : "cannot hold it";

    public static string LeftFailed(Terminal t) => t.Chinese ? "已记录为失败（不占用任何资源）" : "recorded as Failed (holds nothing)";

    public static string RetryAfter(Terminal t, TimeSpan wait) =>
        t.Chinese ? $"请在 {wait.TotalSeconds:0} 秒后重试" : $"retry after {wait.TotalSeconds:0} s";

    public static string SeeHelp(Terminal t, string command) =>
        t.Chinese ? $"用法见 '{command} --help'" : $"See '{command} --help'.";

    public static string NothingFound(Terminal t) => t.Chinese ? "没有找到任何条目。" : "No items found.";

    public static string Unreachable(Terminal t, Uri server, string why) =>
        t.Chinese ? $"无法连接到 {server}：{why}" : $"cannot reach {server}: {why}";

    public static string Waiting(Terminal t, string id, string wanted) =>
        t.Chinese ? $"等待 {id} 进入 {wanted} 状态…" : $"waiting for {id} to be {wanted}...";

    public static string Reached(Terminal t, string id, string status, TimeSpan after) =>
        t.Chinese ? $"{id}：{status}（{after.TotalSeconds:0.0} 秒）" : $"{id}: {status} ({after.TotalSeconds:0.0}s)";

    public static string NeverReaches(Terminal t, string id, string status, string wanted) =>
        t.Chinese ? $"{id} 已处于终态 {status}，不会再变为 {wanted}" : $"{id} ended {status} and will never be {wanted}";

    public static string TimedOut(Terminal t, string id, string wanted, TimeSpan timeout, string last) =>
        t.Chinese ? $"{timeout.TotalSeconds:0} 秒内 {id} 未变为 {wanted}（最后状态 {last}）" : $"{id} was not {wanted} within {timeout.TotalSeconds:0}s (last status {last})";

    public static string WouldNotFit(Terminal t) => t.Chinese ? "该申请不会被接受（见上方缺口）" : "the request would not be admitted (see the shortfalls above)";

    public static string TokenOnce(Terminal t) =>
        t.Chinese ? "令牌只显示这一次：请立即妥善保存。" : "The token is shown this once: store it as a secret now.";

    public static string Revoked(Terminal t, string id) => t.Chinese ? $"已吊销 {id}" : $"revoked {id}";

    public static string NextPage(Terminal t, long next) =>
        t.Chinese ? $"还有更多记录：加上 --after {next} 查看下一页" : $"more records: add --after {next} for the next page";

    public static string ChainIntact(Terminal t, long records) =>
        t.Chinese ? $"审计链完整：已校验 {records} 条记录" : $"the audit trail is intact: {records} records checked";

    public static string ChainBroken(Terminal t, long? at) =>
        t.Chinese ? $"审计链已被破坏：从记录 {at} 起" : $"the audit trail is broken from record {at} on";

    public static string StatementBasis(Terminal t, string month, string catalogue, string basis, string closedThrough) =>
        t.Chinese ? $"{month} 账单：价目表 {catalogue}，按{(basis == "used" ? "实际使用量" : "分配量")}计费，金额单位元，数据截至 {closedThrough}"
            : $"statement for {month}: catalogue {catalogue}, charged on what was {basis}, amounts in yuan, figures through {closedThrough}";

    public static string OverBudget(Terminal t, IEnumerable<string> pools) =>
        t.Chinese ? $"预计超出预算：{string.Join("、", pools)}" : $"forecast above budget: {string.Join(", ", pools)}";

    public static string LowEfficiencyGrants(Terminal t, double threshold) =>
        t.Chinese ? $"整月效率低于 {threshold * 100:0.#}% 的分配：" : $"Grants under {threshold * 100:0.#}% efficiency all month:";
}
