/** What a person needs to go through the sandbox flow without reading docs. */
export function TestData() {
  return (
    <aside className="test-data" aria-label="Sandbox test data">
      <h2>Sandbox test data</h2>
      <dl>
        <dt>Phone</dt>
        <dd>
          <code>+1 201 555 0100</code> … <code>+1 201 555 0199</code>
        </dd>
        <dt>Code</dt>
        <dd>
          <code>000000</code> (other numbers: the code is printed in the terminal)
        </dd>
        <dt>Cards</dt>
        <dd>
          <ul>
            <li>
              <code>4242 4242 4242 4242</code> succeeds
            </li>
            <li>
              <code>4000 0000 0000 0002</code> is declined
            </li>
            <li>
              <code>4000 0000 0000 9995</code> insufficient funds
            </li>
            <li>
              <code>4000 0025 0000 3155</code> asks for 3-D Secure
            </li>
          </ul>
          Any future expiry, any CVC.
        </dd>
      </dl>
    </aside>
  );
}
