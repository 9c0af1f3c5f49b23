import { useStrings } from '../../strings';

/** The legacy checkout opened outside a frame: says why nothing starts here, and what to do. */
export function NotFramed() {
  const strings = useStrings();
  return (
    <div className="lava-inline">
      <main className="lava-card" aria-labelledby="lava-not-framed">
        <div className="lava-body">
          <div className="lava-step">
            <h1 id="lava-not-framed" className="lava-title">
              {strings.notFramed.title}
            </h1>
            <p className="lava-lead" role="alert">
              {strings.notFramed.lead}
            </p>
            <p className="lava-lead">{strings.notFramed.warning}</p>
          </div>
        </div>
        <footer className="lava-footer">{strings.poweredBy}</footer>
      </main>
    </div>
  );
}
