/**
 * Every member may keep a copy of what they can read of the board (server/boards/export.ts):
 * as a file, or as a page to print.
 */
export function ExportCard({ boardId }: { boardId: string }) {
  return (
    <section className="card stack" aria-labelledby="export-heading">
      <h2 id="export-heading">Keep a copy</h2>
      <p className="small">
        Everything of this board that you can see: the plan, letters, notes you may read, debriefs, check-ins and
        reviews. Keep it somewhere private: it holds the date and place.
      </p>
      <div className="row">
        <a className="button button-secondary" href={`/api/boards/${boardId}/export`} download>
          Download (JSON)
        </a>
        <a className="button button-secondary" href={`/boards/${boardId}/export`}>
          Printable page
        </a>
      </div>
    </section>
  );
}
