import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import '@vaadin/select';
import '@vaadin/text-area';

/**
 * The definitions of the application and what their registration did; a form that starts a registered workflow with a
 * JSON input and follows its execution until it ends.
 */
export class QwcConductorDefinitions extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .section { padding: 0.5em 1em; }
        .start { display: flex; flex-direction: column; gap: 0.5em; max-width: 60em; }
        vaadin-text-area { width: 100%; min-height: 6em; font-family: monospace; }
        pre { margin: 0; white-space: pre-wrap; }
        .error { color: var(--lumo-error-text-color); }
    `;

    static properties = {
        _definitions: { state: true },
        _mode: { state: true },
        _workflow: { state: true },
        _input: { state: true },
        _execution: { state: true },
        _error: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._input = '{}';
        this._refresh();
    }

    disconnectedCallback() {
        clearTimeout(this._poll);
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.getDefinitions().then(response => {
            this._mode = response.result.mode;
            this._definitions = response.result.definitions;
            const workflows = this._workflows();
            if (!this._workflow && workflows.length > 0) {
                this._workflow = workflows[0].value;
            }
        });
    }

    _workflows() {
        return (this._definitions || []).filter(definition => definition.kind === 'workflow')
            .map(definition => ({ label: definition.name + ' v' + definition.version,
                value: definition.name + '@' + definition.version }));
    }

    render() {
        if (!this._definitions) {
            return html`<span class="section">Loading...</span>`;
        }
        return html`
            <div class="section">Registration mode: <code>${this._mode}</code></div>
            <vaadin-grid .items="${this._definitions}" theme="row-stripes no-border" all-rows-visible>
                <vaadin-grid-column auto-width path="kind" header="Kind"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="name" header="Name"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="version" header="Version"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="origin" header="From"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="status" header="Registration"></vaadin-grid-column>
                <vaadin-grid-column path="detail" header="Detail"></vaadin-grid-column>
            </vaadin-grid>
            ${this._renderStart()}`;
    }

    _renderStart() {
        const workflows = this._workflows();
        if (workflows.length === 0) {
            return html`<div class="section">No workflow definition: add one under
                <code>src/main/resources/conductor/workflows/</code>.</div>`;
        }
        return html`
            <div class="section start">
                <h4>Start a workflow</h4>
                <vaadin-select label="Workflow" .items="${workflows}" .value="${this._workflow}"
                    @value-changed="${event => { this._workflow = event.detail.value; }}"></vaadin-select>
                <vaadin-text-area label="Input (JSON object)" .value="${this._input}"
                    @value-changed="${event => { this._input = event.detail.value; }}"></vaadin-text-area>
                <vaadin-button theme="primary" @click="${() => this._start()}">Start</vaadin-button>
                ${this._error ? html`<div class="error">${this._error}</div>` : ''}
                ${this._renderExecution()}
            </div>`;
    }

    _renderExecution() {
        const execution = this._execution;
        if (!execution) {
            return '';
        }
        return html`
            <div>Workflow <code>${execution.workflowId}</code>: <strong>${execution.status}</strong>
                ${execution.reasonForIncompletion ? html` (${execution.reasonForIncompletion})` : ''}</div>
            <vaadin-grid .items="${execution.tasks || []}" theme="compact no-border" all-rows-visible>
                <vaadin-grid-column auto-width path="referenceTaskName" header="Task"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="taskType" header="Type"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="status" header="Status"></vaadin-grid-column>
            </vaadin-grid>
            ${execution.terminal ? html`<div>Output:</div><pre>${JSON.stringify(execution.output, null, 2)}</pre>` : ''}`;
    }

    _start() {
        clearTimeout(this._poll);
        this._error = null;
        this._execution = null;
        const [name, version] = this._workflow.split('@');
        this.jsonRpc.startWorkflow({ name: name, version: Number(version), input: this._input }).then(response => {
            if (response.result.error) {
                this._error = response.result.error;
            } else {
                this._follow(response.result.workflowId);
            }
        });
    }

    _follow(workflowId) {
        this.jsonRpc.getExecution({ workflowId: workflowId }).then(response => {
            if (response.result.error) {
                this._error = response.result.error;
                return;
            }
            this._execution = response.result;
            if (!response.result.terminal) {
                this._poll = setTimeout(() => this._follow(workflowId), 500);
            }
        });
    }
}
customElements.define('qwc-conductor-definitions', QwcConductorDefinitions);
