import { idleWords } from './idle-words';

/** The sign-in choice that makes a session a shared or family computer's (docs/security.md). */
export function SharedComputerField({ idleSeconds }: { idleSeconds: number }) {
  return (
    <div className="checkbox-field">
      <input id="shared" name="shared" type="checkbox" value="true" aria-describedby="shared-hint" />
      <div>
        <label htmlFor="shared">This is a shared or family computer</label>
        <span id="shared-hint" className="hint">
          You are signed out when the browser closes or after {idleWords(idleSeconds)} without use, and nothing you open
          is kept on this computer.
        </span>
      </div>
    </div>
  );
}
