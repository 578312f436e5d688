import './style.css';
import { render } from 'preact';
import { App } from './App';
import { t } from '../../lib/i18n';
import { useExtensionMessages } from '../../lib/i18n/browser';

useExtensionMessages(document);

document.title = t('unlocks_title');
render(<App />, document.getElementById('app')!);
