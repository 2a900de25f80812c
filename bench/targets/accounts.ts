/**
 * A person using the product over HTTP, as a browser would: a cookie jar, next-auth's
 * credentials sign-in (csrf token first) and the board API. Only what the bench needs.
 */
export class Account {
  private readonly cookies = new Map<string, string>();
  userId = '';

  constructor(
    private readonly baseUrl: string,
    readonly email: string,
    private readonly password: string,
  ) {}

  /** The Cookie header a websocket upgrade from this person carries. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** The session cookie alone, for a browser context. */
  sessionCookie(): { name: string; value: string } {
    for (const [name, value] of this.cookies) {
      if (name.endsWith('next-auth.session-token')) return { name, value };
    }
    throw new Error(`${this.email} has no session cookie`);
  }

  async register(name: string): Promise<void> {
    const { status, body } = await this.json('POST', '/api/register', {
      email: this.email,
      name,
      password: this.password,
    });
    if (status !== 201) throw new Error(`register ${this.email}: ${status} ${JSON.stringify(body)}`);
    await this.signIn();
  }

  async signIn(): Promise<void> {
    const csrf = await this.json<{ csrfToken: string }>('GET', '/api/auth/csrf');
    const form = new URLSearchParams({
      csrfToken: csrf.body.csrfToken,
      email: this.email,
      password: this.password,
      json: 'true',
    });
    await this.request('POST', '/api/auth/callback/credentials', form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    const session = await this.json<{ user?: { id: string } }>('GET', '/api/auth/session');
    if (!session.body.user) throw new Error(`sign-in of ${this.email} gave no session`);
    this.userId = session.body.user.id;
  }

  async createBoard(title: string): Promise<string> {
    const { status, body } = await this.json<{ board?: { id: string } }>('POST', '/api/boards', { title });
    if (status !== 201 || !body.board) throw new Error(`create board: ${status} ${JSON.stringify(body)}`);
    return body.board.id;
  }

  async invite(boardId: string, role: 'family' | 'viewer' | 'interventionist'): Promise<{ token: string; id: string }> {
    const { status, body } = await this.json<{ token?: string; invite?: { id: string } }>(
      'POST',
      `/api/boards/${boardId}/invites`,
      { role, label: 'Bench' },
    );
    if (status !== 201 || !body.token || !body.invite) throw new Error(`invite: ${status} ${JSON.stringify(body)}`);
    return { token: body.token, id: body.invite.id };
  }

  async accept(token: string): Promise<void> {
    const { status, body } = await this.json('POST', `/api/invites/${token}/accept`);
    if (status !== 200) throw new Error(`accept invite: ${status} ${JSON.stringify(body)}`);
  }

  /** Brings `person` onto the board as `role`: an invite, its acceptance, and this account's approval. */
  async bringIn(boardId: string, person: Account, role: 'family' | 'viewer' | 'interventionist'): Promise<void> {
    const invite = await this.invite(boardId, role);
    await person.accept(invite.token);
    await this.approve(boardId, invite.id);
  }

  /** Accepting only asks to join: the interventionist approves. */
  async approve(boardId: string, inviteId: string): Promise<void> {
    const { status, body } = await this.json('PUT', `/api/boards/${boardId}/invites/${inviteId}/decision`, {
      decision: 'approved',
    });
    if (status !== 200) throw new Error(`approve invite: ${status} ${JSON.stringify(body)}`);
  }

  private async json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    const response = await this.request(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  private async request(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      method,
      body,
      headers: { cookie: this.cookieHeader(), ...headers },
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
