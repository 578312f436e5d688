import './style.css';
import { render } from 'preact';
import { App } from './App';
import { useEnglishMessages } from '../../lib/sources/zod';

useEnglishMessages();

render(<App />, document.getElementById('app')!);
