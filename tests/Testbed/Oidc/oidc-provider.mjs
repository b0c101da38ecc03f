// A real OpenID Connect provider (oidc-provider, pinned in package.json here) on 127.0.0.1 for the portal's
// single sign-on tests. Started by OidcProvider.cs with a JSON configuration as the only argument:
//   { port, keyFile, conformIdTokenClaims, clients: [{ client_id, client_secret, redirect_uris, post_logout_redirect_uris }],
//     accounts: [{ id, email, email_verified, password, name, groups }] }
// Prints {"port":N,"issuer":"..."} once listening; stops when its standard input closes.
// Besides the provider it serves a sign-in form (/interaction/:uid, consent granted at once, as for a first-party
// app) and, for the tests only, /__test/accounts/:id (PUT: change an account), /__test/tamper (POST: re-sign the
// next ID token with another audience or issuer) and /__test/events (GET: what happened).
import { createServer } from 'node:http';
import { generateKeyPairSync, createPrivateKey, sign } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const config = JSON.parse(process.argv[2] ?? '{}');
const port = config.port;
const issuer = `http://127.0.0.1:${port}`;
const accounts = new Map((config.accounts ?? []).map((a) => [a.id, { ...a }]));
const events = [];
let tamper = null;

function signingKey() {
  if (config.keyFile && existsSync(config.keyFile)) return JSON.parse(readFileSync(config.keyFile, 'utf8'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `testbed-${Date.now()}`, use: 'sig', alg: 'RS256' };
  if (config.keyFile) writeFileSync(config.keyFile, JSON.stringify(jwk));
  return jwk;
}
const jwk = signingKey();

const provider = new Provider(issuer, {
  clients: (config.clients ?? []).map((c) => ({
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: c.client_secret ? 'client_secret_post' : 'none',
    ...c,
  })),
  jwks: { keys: [jwk] },
  cookies: { keys: ['testbed-cookie-key'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  conformIdTokenClaims: config.conformIdTokenClaims ?? true,
  // PKCE for every client: an authorization request without it is refused.
  pkce: { required: () => true },
  // As Keycloak does: a refresh token with every code grant, no offline_access needed.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const account = accounts.get(id);
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        const a = accounts.get(id) ?? account;
        return { sub: id, email: a.email, email_verified: a.email_verified ?? false, name: a.name ?? a.email, groups: a.groups ?? [] };
      },
    };
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Test provider error', Object.entries(out).map(([k, v]) => `<p><b>${esc(k)}</b>: ${esc(v)}</p>`).join(''));
  },
});

provider.on('end_session.success', () => events.push({ event: 'end_session.success' }));
provider.on('grant.success', (ctx) => events.push({ event: 'grant.success', grant_type: ctx.oidc.params.grant_type }));
provider.on('grant.error', (ctx, err) => events.push({ event: 'grant.error', grant_type: ctx.oidc.params?.grant_type, error: err.error }));
provider.on('authorization.accepted', (ctx) => events.push({
  event: 'authorization.accepted',
  response_type: ctx.oidc.params.response_type,
  code_challenge_method: ctx.oidc.params.code_challenge_method,
  scope: ctx.oidc.params.scope,
}));

// Re-signs the next ID token the token endpoint issues with the provider's own key, with a claim changed.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && tamper && ctx.body?.id_token) {
    const [header, payload] = ctx.body.id_token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url')));
    Object.assign(payload, tamper);
    const input = [header, payload].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.');
    const signature = sign('sha256', Buffer.from(input), createPrivateKey({ key: jwk, format: 'jwk' })).toString('base64url');
    ctx.body = { ...ctx.body, id_token: `${input}.${signature}` };
    events.push({ event: 'tampered', changed: Object.keys(tamper) });
    tamper = null;
  }
});

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;
}

async function logoutSource(ctx, form) {
  ctx.body = page('Sign out of the test provider', `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`);
}

function loginForm(uid, error) {
  return page('Test provider sign-in', `${error ? `<p role="alert">${esc(error)}</p>` : ''}
    <form method="post" action="/interaction/${esc(uid)}/login">
      <label for="login">Username</label> <input id="login" name="login" autocomplete="username">
      <label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password">
      <button type="submit">Sign in</button>
    </form>`);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'consent') {
    // A first-party client: everything it asked for is granted without a consent screen.
    const grant = details.grantId ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }
  if (action !== 'login') return send(res, 200, 'text/html', loginForm(uid));
  const form = new URLSearchParams(await readBody(req));
  const account = accounts.get(form.get('login') ?? '');
  if (!account || account.password !== form.get('password')) {
    return send(res, 200, 'text/html', loginForm(uid, 'Unknown username or wrong password.'));
  }
  events.push({ event: 'login', account: account.id });
  return provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
}

async function testApi(req, res, path) {
  const [, , what, id] = path.split('/');
  if (req.method === 'PUT' && what === 'accounts' && id) {
    const change = JSON.parse(await readBody(req));
    accounts.set(id, { ...(accounts.get(id) ?? { id }), ...change });
    return send(res, 200, 'application/json', JSON.stringify(accounts.get(id)));
  }
  if (req.method === 'POST' && what === 'tamper') {
    tamper = JSON.parse(await readBody(req));
    return send(res, 204, 'text/plain', '');
  }
  if (req.method === 'GET' && what === 'events') return send(res, 200, 'application/json', JSON.stringify(events));
  return send(res, 404, 'text/plain', 'not found');
}

const callback = provider.callback();
const server = createServer(async (req, res) => {
  const path = new URL(req.url, issuer).pathname;
  try {
    const match = path.match(/^\/interaction\/([^/]+)(?:\/(login))?$/);
    if (match) return await interaction(req, res, match[1], req.method === 'POST' ? match[2] : undefined);
    if (path.startsWith('/__test/')) return await testApi(req, res, path);
    return callback(req, res);
  } catch (err) {
    console.error(`${req.method} ${req.url}: ${err.stack ?? err}`);
    if (!res.headersSent) send(res, 500, 'text/plain', String(err.message ?? err));
  }
});

server.listen(port, '127.0.0.1', () => console.log(JSON.stringify({ port, issuer })));
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
