import './style.css';
import { render } from 'preact';
import { App } from './App';
import { useExtensionMessages } from '../../lib/i18n/browser';

useExtensionMessages(document);

render(<App />, document.getElementById('app')!);
