// The MCP round trip with a client no one here wrote: npm @modelcontextprotocol/sdk's Streamable HTTP client
// against the running jar. McpNpmClientIT copies this file next to the installed package, runs it with Node and
// checks the summary it prints (one JSON line). The SDK's client also validates each result's structured content
// against the tool's output schema, so a result that does not match its schema fails here.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const url = new URL(process.env.MCP_URL);

async function connect(key) {
  const client = new Client({ name: 'zelto-npm-round-trip', version: '1' });
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: { headers: { Authorization: `Bearer ${key}` } },
  });
  await client.connect(transport);
  return client;
}

async function call(client, name, args) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) {
    return { error: result.content[0].text };
  }
  if (JSON.stringify(JSON.parse(result.content[0].text)) !== JSON.stringify(result.structuredContent)) {
    throw new Error(`${name}: the text is not the structured content`);
  }
  return result.structuredContent;
}

const summary = {};
const client = await connect(process.env.KEY);
summary.protocolVersion = client.transport.protocolVersion ?? null;
summary.server = client.getServerVersion();
const tools = (await client.listTools()).tools;
summary.tools = tools.map((tool) => tool.name);
summary.readOnly = tools.every((tool) => tool.annotations?.readOnlyHint === true && tool.outputSchema);

const agents = await call(client, 'list_agents', {});
summary.agents = agents.total;
const support = agents.agents.find((agent) => agent.name === 'Support');
const agent = await call(client, 'get_agent', { agentId: support.id });
summary.versions = agent.versions.map((version) => version.version);
const compared = await call(client, 'compare_versions', { agentId: support.id, versions: ['v3', 'v4'] });
summary.compared = compared.versions.map((version) => [version.version, version.calls]);

const found = await call(client, 'search_conversations', { q: 'refund', lastDays: 7 });
summary.refundLastWeek = found.conversations.map((row) => [row.version, row.match.turnIndex, row.match.url]);

const paged = [];
let cursor;
do {
  const page = await call(client, 'search_conversations', cursor ? { limit: 2, cursor } : { limit: 2 });
  paged.push(...page.conversations.map((row) => row.id));
  cursor = page.hasMore ? page.nextCursor : undefined;
} while (cursor);
summary.allConversations = paged.length;

const long = (await call(client, 'search_conversations', { q: 'marathon' })).conversations[0];
const turns = [];
let next = { fromTurn: 0, textFrom: 0 };
let pages = 0;
while (next) {
  const page = await call(client, 'get_conversation', { conversationId: long.id, maxTurns: 200, ...next });
  pages += 1;
  turns.push(...page.turns.map((turn) => turn.index));
  next = page.hasMore ? page.next : null;
}
summary.transcript = { pages, turns: turns.length, first: turns[0], last: turns[turns.length - 1] };

summary.failedDeliveries = (await call(client, 'list_deliveries', { status: 'failed' })).deliveries
  .map((delivery) => delivery.reason);
summary.credits = (await call(client, 'get_credits', {})).balance;
summary.badArgument = (await call(client, 'search_conversations', { limit: 1000 })).error ?? null;
await client.close();

const other = await connect(process.env.OTHER_KEY);
summary.otherOrganization = {
  conversation: (await call(other, 'get_conversation', { conversationId: long.id })).error ?? null,
  agents: (await call(other, 'list_agents', {})).total,
};
await other.close();

try {
  await connect(process.env.REVOKED_KEY);
  summary.revoked = { status: 'connected' };
} catch (error) {
  summary.revoked = { status: error.code ?? null, message: String(error.message ?? error) };
}
console.log(JSON.stringify(summary));
