/**
 * A person using the app over HTTP: a cookie jar, the next-auth credentials sign-in (csrf token
 * first, as a browser does) and JSON calls.
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  userId = '';
  email = '';
  name = '';

  /** `userAgent`: the browser this client says it is (the device list names it). */
  constructor(
    readonly baseUrl: string,
    readonly userAgent?: string,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * Sends the Origin a browser on the app's page sends with everything but GET and HEAD
   * (server/http/origin.ts), unless `headers` names one.
   */
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const origin: Record<string, string> = ['GET', 'HEAD'].includes(method)
      ? {}
      : { origin: new URL(this.baseUrl).origin };
    const agent: Record<string, string> = this.userAgent ? { 'user-agent': this.userAgent } : {};
    const init: RequestInit = {
      method,
      headers: { cookie: this.cookieHeader(), ...agent, ...origin, ...headers },
      redirect: 'manual',
    };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': 'application/json', ...(init.headers as Record<string, string>) };
    }
    const response = await fetch(this.baseUrl + path, init);
    this.remember(response);
    return response;
  }

  async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await this.request(method, path, body);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async register(email: string, name: string, password = 'correct horse battery'): Promise<void> {
    const { status, body } = await this.json('POST', '/api/register', { email, name, password });
    if (status !== 201) throw new Error(`register failed: ${status} ${JSON.stringify(body)}`);
    if (!(await this.signIn(email, password))) throw new Error(`sign-in after registering ${email} failed`);
  }

  /**
   * Returns true when the sign-in produced a session cookie. `shared`: ticks "this is a shared or
   * family computer", as the sign-in form sends it.
   */
  async signIn(
    email: string,
    password = 'correct horse battery',
    options: { shared?: boolean } = {},
  ): Promise<boolean> {
    const csrf = await this.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
    const form = new URLSearchParams({ csrfToken: csrf.body.csrfToken, email, password, json: 'true' });
    if (options.shared) form.set('shared', 'true');
    await this.request('POST', '/api/auth/callback/credentials', form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const session = await this.json<{ user?: { id: string; email: string; name: string } }>('GET', '/api/auth/session');
    if (!session.body.user) return false;
    this.userId = session.body.user.id;
    this.email = email;
    this.name = session.body.user.name;
    return true;
  }

  async signOut(): Promise<void> {
    const csrf = await this.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
    const form = new URLSearchParams({ csrfToken: csrf.body.csrfToken, json: 'true' });
    await this.request('POST', '/api/auth/signout', form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
  }
}

let counter = 0;
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}.${counter}@example.test`;
}
