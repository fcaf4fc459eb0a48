import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/**
 * The workers of the application: the server they poll, their settings, what they did so far; pause and resume.
 */
export class QwcConductorWorkers extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        .server { padding: 0.5em 1em; }
        vaadin-grid { height: 100%; }
    `;

    static properties = {
        _server: { state: true },
        _workers: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
        this._timer = setInterval(() => this._refresh(), 2000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.getServer().then(response => { this._server = response.result; });
        this.jsonRpc.getWorkers().then(response => { this._workers = response.result; });
    }

    render() {
        if (!this._workers || !this._server) {
            return html`<span class="server">Loading...</span>`;
        }
        return html`
            <div class="server">Server: <code>${this._server.url}</code>
                ${this._server.devServices ? html`(started by Dev Services)` : html`(from ${this._server.source})`}</div>
            <vaadin-grid .items="${this._workers}" theme="row-stripes no-border" all-rows-visible>
                <vaadin-grid-column auto-width path="taskName" header="Task"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="method" header="Bean#method"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="concurrency" header="Concurrency"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="domain" header="Domain"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="completed" header="Completed"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="inProgress" header="In progress"></vaadin-grid-column>
                <vaadin-grid-column auto-width path="failed" header="Failed"></vaadin-grid-column>
                <vaadin-grid-column auto-width header="Polling" ${columnBodyRenderer(worker => this._pollingRenderer(worker), [])}></vaadin-grid-column>
            </vaadin-grid>`;
    }

    _pollingRenderer(worker) {
        if (!worker.enabled) {
            return html`disabled`;
        }
        return worker.paused
            ? html`<vaadin-button theme="small" @click=${() => this._resume(worker.taskName)}>Resume</vaadin-button>`
            : html`<vaadin-button theme="small" @click=${() => this._pause(worker.taskName)}>Pause</vaadin-button>`;
    }

    _pause(taskName) {
        this.jsonRpc.pause({ taskName: taskName }).then(() => this._refresh());
    }

    _resume(taskName) {
        this.jsonRpc.resume({ taskName: taskName }).then(() => this._refresh());
    }
}
customElements.define('qwc-conductor-workers', QwcConductorWorkers);
